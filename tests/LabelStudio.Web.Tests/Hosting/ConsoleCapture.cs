using System.Text;

namespace LabelStudio.Web.Tests.Hosting;

/// <summary>
/// Redirects the process's standard output into memory until disposed. Console output is global, so
/// tests using this belong to <see cref="ConsoleCollection"/>, which runs alone.
/// </summary>
public sealed class ConsoleCapture : IDisposable
{
    private readonly TextWriter _original = Console.Out;
    private readonly StringBuilder _text = new();

    public ConsoleCapture() => Console.SetOut(TextWriter.Synchronized(new StringWriter(_text)));

    public string Text
    {
        get
        {
            lock (_text)
            {
                return _text.ToString();
            }
        }
    }

    public void Dispose() => Console.SetOut(_original);
}

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ConsoleCollection
{
    public const string Name = "Console output";
}
