using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace LabelStudio.Core.ApiTokens;

/// <summary>
/// Makes and hashes token secrets. 32 random bytes are far beyond guessing, so one SHA-256 is enough
/// to keep stored hashes useless to a thief; a slow password hash would only slow every request.
/// </summary>
public static class ApiTokenSecrets
{
    /// <summary>Marks our tokens, so a leaked one is recognizable in logs and by secret scanners.</summary>
    public const string Marker = "lst_";

    /// <summary>The marker and the secret's first characters, shown in token lists.</summary>
    public const int PrefixLength = 12;

    public static string NewSecret() => Marker + Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    public static string Hash(string secret) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    public static string PrefixOf(string secret) => secret[..Math.Min(PrefixLength, secret.Length)];
}
