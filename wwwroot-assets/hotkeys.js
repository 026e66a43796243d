// Sends the page's hotkeys to .NET. Keys typed into a text field stay there, except Enter and
// Escape, which leave the field so the next key labels again. Held-down keys do not repeat.
// Each press carries what was on screen when it was pressed (the data-hotkey-context attribute,
// e.g. the item's id), so the server can ignore a press meant for an item that has since been
// replaced, instead of applying it to one the annotator has not seen. No press is dropped here.
// <html data-hotkeys> says "busy" while a press is being handled, else "ready", for styles and tests.
export function attach(dotnet, keys) {
    const handled = new Set(keys);
    const root = document.documentElement;
    let pending = 0;

    const onKeyDown = event => {
        // Shift+arrows pan an image (imageviewer.js); plain arrows go back and forward.
        if (event.ctrlKey || event.metaKey || event.altKey || event.isComposing
            || (event.shiftKey && event.key.startsWith('Arrow'))) {
            return;
        }
        const target = event.target;
        const typing = target
            && (target.tagName === 'INPUT' || target.tagName === 'TEXTAREA' || target.isContentEditable);
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
        if (event.repeat) {
            return;
        }
        pending++;
        root.dataset.hotkeys = 'busy';
        const context = document.querySelector('[data-hotkey-context]')?.dataset.hotkeyContext ?? '';
        dotnet.invokeMethodAsync('PressAsync', event.key, context)
            .catch(() => {})
            .finally(() => {
                pending--;
                if (pending === 0) {
                    root.dataset.hotkeys = 'ready';
                }
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
