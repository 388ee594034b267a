// netstandard2.0 lacks the marker type C# 9 records need for init accessors; the compiler only needs it to exist.
namespace System.Runtime.CompilerServices
{
    internal static class IsExternalInit
    {
    }
}
