// Sends the page's hotkeys to .NET. Keys typed into a text field stay there, except Enter and
// Escape, which leave the field so the next key labels again. Held-down keys do not repeat, and a
// key pressed while the previous one is still being handled is dropped: it would otherwise land
// on an item the annotator has not seen yet. <html data-hotkeys> says "ready" or "busy", so
// styles and browser tests can tell whether a key pressed now would be handled.
export function attach(dotnet, keys) {
    const handled = new Set(keys);
    const root = document.documentElement;
    let inFlight = false;

    const onKeyDown = event => {
        if (event.ctrlKey || event.metaKey || event.altKey || event.isComposing) {
            return;
        }
        const target = event.target;
        const typing = target && (target.tagName === 'INPUT' || target.tagName === 'TEXTAREA' || target.isContentEditable);
        if (typing) {
            if (event.key === 'Escape' || (event.key === 'Enter' && !event.shiftKey)) {
                event.preventDefault();
                target.blur();
            }
            return;
        }
        if (!handled.has(event.key)) {
            return;
        }
        event.preventDefault();
        if (event.repeat || inFlight) {
            return;
        }
        inFlight = true;
        root.dataset.hotkeys = 'busy';
        dotnet.invokeMethodAsync('PressAsync', event.key)
            .catch(() => {})
            .finally(() => {
                inFlight = false;
                root.dataset.hotkeys = 'ready';
            });
    };

    document.addEventListener('keydown', onKeyDown);
    root.dataset.hotkeys = 'ready';
    return {
        detach: () => {
            document.removeEventListener('keydown', onKeyDown);
            delete root.dataset.hotkeys;
        },
    };
}
