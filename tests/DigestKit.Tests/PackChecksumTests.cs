using System.Text;
using DigestKit.Data;

namespace DigestKit.Tests;

/// <summary>The pack's checksum: any damage to a pack is refused when it is opened, naming the resource.</summary>
public sealed class PackChecksumTests
{
    private const string Source = "the resource 'DigestKit.Digests.dkpack' in TestApp";

    [Fact]
    public void The_checksum_is_xxhash64_whether_computed_in_place_or_appended_in_pieces()
    {
        // XXH64 of the empty input with seed 0, the published test value.
        Assert.Equal(0xEF46DB3751D8E999UL, new PackChecksum().Finish());
        var random = new Random(7);
        foreach (var length in new[] { 0, 1, 3, 4, 7, 8, 31, 32, 33, 63, 64, 100, 4096 + 5 })
        {
            var bytes = new byte[length];
            random.NextBytes(bytes);
            var pieces = new PackChecksum();
            for (var offset = 0; offset < length;)
            {
                var n = Math.Min(length - offset, random.Next(1, 40));
                pieces.Append(bytes, offset, n);
                offset += n;
            }

            Assert.Equal(InPlace(bytes, length), pieces.Finish());
        }
    }

    [Fact]
    public void A_real_pack_opens_and_150_random_bit_flips_each_are_refused_naming_the_resource()
    {
        var pack = TestBlobs.SamplePack();
        var read = DigestPack.Read(DigestData.Pin(pack), Source);
        Assert.Equal(32, read.Count);
        Assert.True(read.IndexLength > 0);

        var random = new Random(13);
        var positions = new HashSet<int>();
        for (var i = 0; i < 150; i++)
        {
            var flipped = (byte[])pack.Clone();
            var position = random.Next(flipped.Length);
            positions.Add(position);
            flipped[position] ^= (byte)(1 << random.Next(8));
            AssertCorrupt(flipped);
        }

        // Uniform over the whole pack (the header, the table and the keys are the next test's), so mostly in the data.
        Assert.True(positions.Count > 140);
        Assert.Contains(positions, p => p > read.IndexStart);
    }

    [Fact]
    public void A_truncated_pack_is_refused_naming_the_resource()
    {
        var pack = TestBlobs.SamplePack();
        foreach (var length in new[] { 0, 3, 16, 23, 24, pack.Length / 2, pack.Length - 8, pack.Length - 1 })
        {
            AssertCorrupt(pack[..length]);
        }

        // Bytes appended after the checksum are damage too.
        AssertCorrupt([.. pack, 0]);
    }

    [Fact]
    public void A_corrupted_header_is_refused_as_corrupt_not_as_another_version()
    {
        var pack = TestBlobs.SamplePack();
        var count = (byte[])pack.Clone();
        count[4] = 0xFF;
        var index = (byte[])pack.Clone();
        index[9] ^= 0x10;
        var ex = AssertCorrupt(count);
        Assert.DoesNotContain("another DigestKit version", ex.Message);
        AssertCorrupt(index);

        // A damaged magic is corruption that also says the magic is wrong; an intact pack of another version says so.
        var magic = (byte[])pack.Clone();
        magic[3] = (byte)'4';
        Assert.Contains("does not start with 'DKP5'", AssertCorrupt(magic).Message);
        var other = (byte[])pack.Clone();
        other[3] = (byte)'9';
        var version = Assert.Throws<InvalidDataException>(() => DigestPack.Read(DigestData.Pin(Reseal(other)), Source));
        Assert.Equal(
            "DigestKit: " + Source + " is not a pack of this version (DKP5): the DigestKit runtime and build task versions differ; rebuild the project.",
            version.Message);
    }

    [Fact]
    public void The_bounds_checks_behind_the_checksum_still_refuse_a_pack_that_points_outside_itself()
    {
        var pack = TestBlobs.Pack(("ka", TestBlobs.Blob(TestBlobs.Spec("a"))));
        var outside = (byte[])pack.Clone();
        outside[16 + 12 + 3] = 0x7F; // the front part's length
        var read = DigestPack.Read(DigestData.Pin(Reseal(outside)));
        var key = Encoding.UTF8.GetBytes("ka");
        var ex = Assert.Throws<InvalidDataException>(() => Find(read, key));
        Assert.StartsWith("DigestKit:", ex.Message);
        Assert.Contains("outside the pack", ex.Message);
    }

    private static InvalidDataException AssertCorrupt(byte[] pack)
    {
        var ex = Assert.Throws<InvalidDataException>(() => DigestPack.Read(DigestData.Pin(pack), Source));
        Assert.StartsWith("DigestKit: " + Source + " is corrupt: ", ex.Message);
        Assert.EndsWith("; rebuild the project.", ex.Message);
        return ex;
    }

    /// <summary>The pack with its checksum made right again, so that what a test changed reaches the checks behind it.</summary>
    private static byte[] Reseal(byte[] pack)
    {
        var checksum = new PackChecksum();
        checksum.Append(pack, 0, pack.Length - 8);
        BitConverter.GetBytes(checksum.Finish()).CopyTo(pack, pack.Length - 8);
        return pack;
    }

    private static unsafe ulong InPlace(byte[] bytes, int length)
    {
        fixed (byte* p = bytes)
        {
            return PackChecksum.Compute(p, length);
        }
    }

    private static unsafe bool Find(DigestPack pack, byte[] key)
    {
        fixed (byte* p = key)
        {
            return pack.TryFind(0, p, key.Length, out _);
        }
    }
}
