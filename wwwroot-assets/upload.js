// Uploads the chosen file straight to the server over HTTP, not through the page's SignalR
// connection (which manages only a couple of MB/s), and reports progress back to .NET.
export function attach(dotnet, input, url, maxBytes) {
    const onChange = () => {
        const file = input.files && input.files[0];
        if (!file) {
            return;
        }
        // The page knows the limit: a file over it is refused here instead of failing part-way.
        if (file.size > maxBytes) {
            input.value = '';
            dotnet.invokeMethodAsync('OnTooLarge', file.name, file.size);
            return;
        }
        const request = new XMLHttpRequest();
        request.open('POST', `${url}?name=${encodeURIComponent(file.name)}`);
        // A custom header makes the browser check same-origin first, so other sites cannot post here.
        request.setRequestHeader('Content-Type', 'application/octet-stream');
        request.setRequestHeader('X-Upload', '1');
        request.upload.onprogress = e => dotnet.invokeMethodAsync('OnUploadProgress', e.loaded, e.total || file.size);
        request.onload = () => {
            if (request.status >= 200 && request.status < 300) {
                dotnet.invokeMethodAsync('OnUploadDone', JSON.parse(request.responseText).jobId);
            } else {
                let message = `The server refused the file (${request.status}).`;
                try { message = JSON.parse(request.responseText).detail || message; } catch { /* not JSON */ }
                dotnet.invokeMethodAsync('OnUploadFailed', message);
            }
            input.value = '';
        };
        request.onerror = () => dotnet.invokeMethodAsync('OnUploadFailed', 'The connection broke during the upload.');
        dotnet.invokeMethodAsync('OnUploadStarted', file.name, file.size);
        request.send(file);
    };
    input.addEventListener('change', onChange);
    // Tells styles and tests that a chosen file will now be sent.
    input.dataset.ready = 'true';
    return {
        detach: () => {
            input.removeEventListener('change', onChange);
            delete input.dataset.ready;
        },
    };
}
