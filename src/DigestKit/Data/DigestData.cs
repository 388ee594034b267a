using System;
using System.IO;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace DigestKit.Data
{
    /// <summary>
    /// Embedded data (<see cref="DataFormat"/>: a digest, or the pack of all of them) as a pointer and a length, and
    /// whatever keeps that memory valid. A pack is read in place: the manifest resource of a loaded assembly is a
    /// view of the mapped image (an <see cref="UnmanagedMemoryStream"/>), valid as long as the assembly, so nothing
    /// is copied, allocated or promoted by the GC however many digests are read. Data handed over as an array
    /// (u8-literal builds, tests) is pinned for as long as anything decoded from it may still read it.
    /// </summary>
    internal abstract unsafe class DigestData
    {
        protected DigestData(byte* pointer, int length)
        {
            Pointer = pointer;
            Length = length;
        }

        public byte* Pointer { get; }

        public int Length { get; }

        public static DigestData Pin(byte[] data) => new PinnedArray(data);

        /// <summary>The manifest resource <paramref name="name"/> of <paramref name="assembly"/>, read in place when it can be.</summary>
        public static DigestData FromResource(Assembly assembly, string name)
        {
            var stream = assembly.GetManifestResourceStream(name)
                ?? throw new InvalidOperationException(
                    "DigestKit: the resource '" + name + "' holding the digests is missing from " + assembly.GetName().Name
                    + ": the generator and the DigestKit build task disagree (rebuild the project).");
            if (stream is UnmanagedMemoryStream unmanaged && unmanaged.Length <= int.MaxValue)
            {
                // Not disposed: disposing a stream over the image frees nothing, and the pointer stays valid.
                return new InImage(unmanaged.PositionPointer, (int)unmanaged.Length, assembly);
            }

            using (stream)
            {
                var copy = new byte[checked((int)stream.Length)];
                var read = 0;
                while (read < copy.Length)
                {
                    var n = stream.Read(copy, read, copy.Length - read);
                    if (n <= 0)
                    {
                        throw FieldReader.Corrupt("resource shorter than its length");
                    }

                    read += n;
                }

                return new PinnedArray(copy);
            }
        }

        private sealed class InImage : DigestData
        {
            public InImage(byte* pointer, int length, Assembly assembly)
                : base(pointer, length) => Assembly = assembly;

            /// <summary>The assembly whose image holds the data: referenced, so a collectible one stays loaded.</summary>
            public Assembly Assembly { get; }
        }

        private sealed class PinnedArray : DigestData
        {
            private GCHandle _handle;

            public PinnedArray(byte[] data)
                : this(GCHandle.Alloc(data, GCHandleType.Pinned), data.Length)
            {
            }

            private PinnedArray(GCHandle handle, int length)
                : base((byte*)handle.AddrOfPinnedObject(), length) => _handle = handle;

            ~PinnedArray()
            {
                if (_handle.IsAllocated)
                {
                    _handle.Free();
                }
            }
        }
    }
}
