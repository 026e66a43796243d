using Bunit;
using LabelStudio.Core.Storage;
using LabelStudio.Web.Features.Import;
using LabelStudio.Web.Tests.Rendering;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace LabelStudio.Web.Tests.Import;

public sealed class FileUploaderTests : ComponentTestBase
{
    [Fact]
    public void TheBrowserScriptIsGivenTheUploadLimitSoItCanRefuseBeforeSending()
    {
        var limit = Services.GetRequiredService<IOptions<StorageOptions>>().Value.MaxUploadBytes;
        var module = JSInterop.SetupModule("/assets/upload.js");

        Render<FileUploader>(p => p.Add(u => u.ProjectId, 1));

        var attach = module.VerifyInvoke("attach");
        Assert.Equal(limit, attach.Arguments[^1]);
    }

    [Fact]
    public async Task AFileTheBrowserRefusesIsReportedWithItsNameSizeAndTheLimit()
    {
        string? failure = null;
        var uploader = Render<FileUploader>(p => p.Add(u => u.ProjectId, 1).Add(u => u.OnFailed, m => failure = m));

        await uploader.InvokeAsync(() => uploader.Instance.OnTooLarge("huge220.csv", 220L * 1024 * 1024));

        Assert.Equal("huge220.csv is 220 MB, over the upload limit of 200 MB; nothing was uploaded.", failure);
    }
}
