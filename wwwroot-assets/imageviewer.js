// Fits, zooms and pans the labeling page's image without a round trip to the server.
// Mouse: the wheel zooms at the pointer, dragging pans, a double click fits.
// Keys: + or = zooms in, - zooms out, * fits, Shift+arrows pan. None of them is a class hotkey
// (the project settings reserve them), and plain arrows stay with back and forward.
// Upscaled images are drawn with crisp pixels, so a 28x28 image shows its real pixels.
const Step = 1.25;
const PanPixels = 60;

export function attach(stage) {
    const image = stage.querySelector('img');
    const view = { scale: 1, x: 0, y: 0, fitted: true };

    const apply = () => {
        image.style.transform = `translate(${view.x}px, ${view.y}px) scale(${view.scale})`;
        stage.classList.toggle('pixelated', view.scale >= 1.5);
        stage.dataset.zoom = view.scale.toFixed(3);
        const label = stage.parentElement.querySelector('[data-zoom-label]');
        if (label) {
            label.textContent = `${Math.round(view.scale * 100)}%`;
        }
    };

    const fit = () => {
        const width = image.naturalWidth, height = image.naturalHeight;
        if (!width || !height) {
            return;
        }
        const scale = Math.min(stage.clientWidth / width, stage.clientHeight / height);
        view.scale = scale;
        view.x = (stage.clientWidth - width * scale) / 2;
        view.y = (stage.clientHeight - height * scale) / 2;
        view.fitted = true;
        apply();
    };

    // Zooms keeping the point (px, py) of the stage where it is.
    const zoom = (factor, px = stage.clientWidth / 2, py = stage.clientHeight / 2) => {
        const scale = Math.min(64, Math.max(0.05, view.scale * factor));
        view.x = px - (px - view.x) * (scale / view.scale);
        view.y = py - (py - view.y) * (scale / view.scale);
        view.scale = scale;
        view.fitted = false;
        apply();
    };

    const pan = (dx, dy) => {
        view.x += dx;
        view.y += dy;
        view.fitted = false;
        apply();
    };

    const onWheel = event => {
        event.preventDefault();
        const box = stage.getBoundingClientRect();
        zoom(event.deltaY < 0 ? Step : 1 / Step, event.clientX - box.left, event.clientY - box.top);
    };

    let drag = null;
    const onPointerDown = event => {
        drag = { x: event.clientX, y: event.clientY };
        stage.setPointerCapture(event.pointerId);
        stage.classList.add('dragging');
    };
    const onPointerMove = event => {
        if (drag) {
            pan(event.clientX - drag.x, event.clientY - drag.y);
            drag = { x: event.clientX, y: event.clientY };
        }
    };
    const onPointerUp = () => {
        drag = null;
        stage.classList.remove('dragging');
    };

    const onKeyDown = event => {
        const target = event.target;
        if (event.ctrlKey || event.metaKey || event.altKey
            || (target && (target.tagName === 'INPUT' || target.tagName === 'TEXTAREA' || target.isContentEditable))) {
            return;
        }
        const panBy = {
            ArrowLeft: [PanPixels, 0], ArrowRight: [-PanPixels, 0], ArrowUp: [0, PanPixels], ArrowDown: [0, -PanPixels],
        };
        if (event.shiftKey && panBy[event.key]) {
            event.preventDefault();
            pan(...panBy[event.key]);
        } else if (event.key === '+' || event.key === '=') {
            event.preventDefault();
            zoom(Step);
        } else if (event.key === '-') {
            event.preventDefault();
            zoom(1 / Step);
        } else if (event.key === '*') {
            event.preventDefault();
            fit();
        }
    };

    // The stage changes size with the window and when the comment box opens or closes beneath it.
    const resizes = new ResizeObserver(() => {
        if (view.fitted) {
            fit();
        }
    });

    image.addEventListener('load', fit);
    stage.addEventListener('wheel', onWheel, { passive: false });
    stage.addEventListener('pointerdown', onPointerDown);
    stage.addEventListener('pointermove', onPointerMove);
    stage.addEventListener('pointerup', onPointerUp);
    stage.addEventListener('dblclick', fit);
    document.addEventListener('keydown', onKeyDown);
    resizes.observe(stage);
    if (image.complete) {
        fit();
    }

    return {
        detach: () => {
            image.removeEventListener('load', fit);
            stage.removeEventListener('wheel', onWheel);
            stage.removeEventListener('pointerdown', onPointerDown);
            stage.removeEventListener('pointermove', onPointerMove);
            stage.removeEventListener('pointerup', onPointerUp);
            stage.removeEventListener('dblclick', fit);
            document.removeEventListener('keydown', onKeyDown);
            resizes.disconnect();
        },
    };
}
