namespace DigestKit.Data
{
    /// <summary>
    /// The format of the data DigestKit embeds. The generator's <c>Generator/DigestBlobWriter.cs</c> writes it (in
    /// the generator, and in the build task, which links that file); <see cref="DigestDecoder"/>,
    /// <see cref="DigestPack"/> and <see cref="DigestCollection"/> read it. Writer and reader ship together, and the
    /// versions in <see cref="Magic"/> and <see cref="PackMagic"/> change whenever the layout does. The fields of each
    /// record and their order (front matter, paper, paper numbers, cold paper, tweet below) are declared once, in
    /// <see cref="DigestSchema"/>, which writer and reader both walk; <see cref="SchemaFingerprint"/> ties the versions
    /// to it.
    /// <code>
    /// digest   := "DK3;" group(front) group(cold)
    /// front    := group(sourcePath title date template draft slug category list(tags) description socialImage)
    ///             count paper*
    /// paper    := numbers title group(list(authors))
    /// numbers  := one text field "rank,retweets,favorites,ticks,kind,coldOffset,coldLength,authorCount" (ticks
    ///             and kind empty when there is no date): one field header per paper instead of eight
    /// cold     := coldPaper*                         (back to back; a paper names its own by offset and length
    ///                                                from the start of cold's contents)
    /// coldPaper:= arxivId absUrl pdfUrl list(categories) abstract group(count tweet*)
    /// tweet    := authorName handle statusId url date text html language
    /// date     := ticks kind                         (both null when there is no date)
    /// list(x)  := count x*
    /// catalog  := "DK3;" count (slug key slot)*      (a project's digests in Digests.All order, in generated code;
    ///                                                slot: where the pack holds the digest)
    /// pack     := "DKP5" int32(count) int32(indexOffset) int32(indexLength) (int32 keyOffset, keyLength,
    ///             frontOffset, frontLength, coldOffset, coldLength){count} key* front* cold* index checksum
    ///                                                (binary, little-endian: every digest of a project in one
    ///                                                manifest resource, in ordinal key order, all the fronts first;
    ///                                                offsets from the start of the pack)
    /// checksum := uint64                             (PackChecksum, xxHash64, of every byte of the pack before it;
    ///                                                checked when the pack is first opened, so that no corruption
    ///                                                reads as other data)
    /// index    := "DKI1" h(slots) h(papers) h(rowsOffset) map-header(ids) map-header(authors) map-header(categories)
    ///             row{papers} map-body(ids) map-body(authors) map-body(categories)
    ///                                                (text, so that literal mode embeds it as one u8 literal; every
    ///                                                number h is 8 hex digits, offsets from the index's start. A
    ///                                                slot is a digest's rank in ordinal key order, as in the pack and
    ///                                                the catalog; the runtime maps it to Digests.All order)
    /// row      := h(slot) h(paperIndex) h(rank) h(version + 1) hex16(score)   (every paper of every digest)
    /// map-header:= h(count) h(buckets) h(bucketsOffset) h(orderOffset)
    /// map-body := record{count} h(recordOffset){count} h(recordOffset or FFFFFFFF){buckets}
    ///                                                (records in key order; then that order, for enumeration; then
    ///                                                an open-addressing table, FNV-1a of the key's UTF-8 bytes,
    ///                                                linear probing, at most half full)
    /// record   := h(n) key h(n) name h(n) h(row){n}  (key: IndexKeys.ArxivId/Author/Category; name: the newest
    ///                                                ID or the most used spelling)
    /// fragment := "DKF1" count (arxivId rank score list(authors) list(categories))*
    ///                                                (one digest's share, in the field format: the build task writes
    ///                                                it as a third group after a digest's blob under obj/, and builds
    ///                                                the index from every fragment when it packs; the generator
    ///                                                builds it from the same fragments in literal mode)
    /// field    := '|' '~'                            null
    ///           | '|' N ':' N bytes                  UTF-8 text; N is its byte count in decimal
    ///           | '|' N '!' N bytes                  UTF-16 code units as 4 hex digits each (text with lone
    ///                                                surrogates, which UTF-8 cannot carry)
    /// group    := '|' N ':' N bytes of nested fields skipped in one step
    /// </code>
    /// Numbers (counts, rank, retweets, ticks, kind, status IDs, offsets) and booleans (1/0) are decimal text fields.
    /// The '|' before each field is redundant for decoding; it makes generated code and golden files readable.
    /// What keeps start-up cheap: length prefixes make every field skippable without decoding it, so a digest's
    /// papers are read when its <see cref="Digest.Papers"/> is first read, and then only their numbers, and each
    /// paper's title, authors, links, abstract and tweets are decoded on first access; and the front/cold split puts
    /// everything a listing reads into one small region of the pack (~7 MB of 95 MB for 3,000 digests), because
    /// touching 34,400 papers scattered over the whole pack cost more in cache and TLB misses than decoding them.
    /// The index is built at build time so that a program never builds dictionaries over the corpus at start-up
    /// (which would mean decoding every paper's ID, authors and categories, the whole corpus, before the first
    /// lookup): a lookup hashes one key, reads one or two buckets, one record and its rows, all in place.
    /// </summary>
    /// <remarks>
    /// Linked into the generator and the build task (their csproj), so the writer and the reader name the versions
    /// with the same constants.
    /// </remarks>
    internal static class DataFormat
    {
        /// <summary>Starts a digest's blob and a catalog.</summary>
        public const string Magic = "DK3;";

        /// <summary>
        /// The <see cref="DigestSchema.Fingerprint"/> of the fields <see cref="Magic"/> and <see cref="PackMagic"/>
        /// stand for. A test fails when the schema's fingerprint is another: a field was added, moved or changed
        /// kind, so bump both versions and set this to the new fingerprint.
        /// </summary>
        public const uint SchemaFingerprint = 0xFA4D8C43u;

        /// <summary>Starts a pack (four ASCII bytes). DKP5: the pack ends with its checksum.</summary>
        public const string PackMagic = "DKP5";

        /// <summary>The pack's header: <see cref="PackMagic"/>, the digest count, the index's offset and length.</summary>
        public const int PackHeaderSize = 16;

        /// <summary>The pack's trailer: the checksum of everything before it.</summary>
        public const int PackChecksumSize = 8;
    }
}
