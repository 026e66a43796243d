// Plays the labeling page's clip without a round trip to the server, so the keys act at once.
// Keys: space plays or pauses, r replays from the start, [ slows down and ] speeds up (0.5x to 2x).
// None of them is a class hotkey (audio projects reserve them), and hotkeys.js leaves them here.
// A click on the waveform or spectrogram seeks. The speed carries over from clip to clip.
// The root's data-state says "playing", "paused" or "blocked" (autoplay refused), for styles and tests.
const Speeds = [0.5, 0.75, 1, 1.25, 1.5, 2];
let speedIndex = Speeds.indexOf(1);

const format = seconds => {
    const whole = Math.max(0, seconds);
    const minutes = Math.floor(whole / 60);
    return `${minutes}:${(whole - minutes * 60).toFixed(1).padStart(4, '0')}`;
};

export function attach(root, autoplay) {
    const audio = root.querySelector('audio');
    const stage = root.querySelector('[data-seek]');
    const playhead = root.querySelector('[data-playhead]');
    const time = root.querySelector('[data-time]');
    const speed = root.querySelector('[data-speed]');
    const toggle = root.querySelector('[data-toggle]');
    let frame = 0;

    const draw = () => {
        const duration = audio.duration || Number(root.dataset.duration) || 0;
        const share = duration > 0 ? Math.min(1, audio.currentTime / duration) : 0;
        playhead.style.left = `${share * 100}%`;
        time.textContent = `${format(audio.currentTime)} / ${format(duration)}`;
        speed.textContent = `${Speeds[speedIndex]}×`;
        root.dataset.state = audio.paused ? (root.dataset.state === 'blocked' ? 'blocked' : 'paused') : 'playing';
        toggle.textContent = audio.paused ? 'Play' : 'Pause';
        frame = audio.paused ? 0 : requestAnimationFrame(draw);
    };

    const play = () => audio.play().catch(() => {
        root.dataset.state = 'blocked';
    });
    const playOrPause = () => (audio.paused ? play() : audio.pause());
    const replay = () => {
        audio.currentTime = 0;
        play();
    };
    const setSpeed = step => {
        speedIndex = Math.min(Speeds.length - 1, Math.max(0, speedIndex + step));
        audio.playbackRate = Speeds[speedIndex];
        draw();
    };

    const onKeyDown = event => {
        if (event.ctrlKey || event.metaKey || event.altKey || event.isComposing || event.repeat) {
            return;
        }
        const target = event.target;
        if (target && (target.tagName === 'INPUT' || target.tagName === 'TEXTAREA' || target.isContentEditable)) {
            return;
        }
        const actions = { ' ': playOrPause, r: replay, R: replay, '[': () => setSpeed(-1), ']': () => setSpeed(1) };
        const action = actions[event.key];
        if (action) {
            // Space would also press a focused button or scroll the page.
            event.preventDefault();
            action();
        }
    };
    const onSeek = event => {
        const box = stage.getBoundingClientRect();
        const duration = audio.duration || 0;
        if (duration > 0 && box.width > 0) {
            audio.currentTime = duration * Math.min(1, Math.max(0, (event.clientX - box.left) / box.width));
            draw();
        }
    };
    const onChange = () => {
        cancelAnimationFrame(frame);
        draw();
    };

    audio.playbackRate = Speeds[speedIndex];
    audio.preservesPitch = true;
    document.addEventListener('keydown', onKeyDown);
    stage.addEventListener('click', onSeek);
    toggle.addEventListener('click', playOrPause);
    for (const name of ['play', 'pause', 'ended', 'loadedmetadata', 'seeked']) {
        audio.addEventListener(name, onChange);
    }
    draw();
    if (autoplay) {
        play();
    }

    return {
        detach: () => {
            cancelAnimationFrame(frame);
            audio.pause();
            document.removeEventListener('keydown', onKeyDown);
            stage.removeEventListener('click', onSeek);
            toggle.removeEventListener('click', playOrPause);
        },
    };
}
