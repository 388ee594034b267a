using System.Collections.Generic;
using System.Runtime.CompilerServices;

namespace DigestKit.Data
{
    /// <summary>
    /// The fields of a paper a listing does not read, each decoded on first access and kept: the identifier, links
    /// and categories (together, <see cref="PaperLinks"/>), the abstract, the tweets. Made when one of them is first
    /// read, so that a paper that is only listed stays small.
    /// </summary>
    internal sealed class PaperDetails
    {
        private readonly PaperFields _fields;
        private PaperLinks? _links;
        private string? _abstract;
        private IReadOnlyList<Tweet>? _tweets;

        public PaperDetails(PaperFields fields) => _fields = fields;

        public PaperDetails(PaperLinks links, string @abstract, IReadOnlyList<Tweet> tweets)
        {
            _links = links;
            _abstract = @abstract;
            _tweets = tweets;
        }

        public PaperLinks Links => _links ?? LoadLinks();

        public string Abstract => _abstract ?? LoadAbstract();

        public IReadOnlyList<Tweet> Tweets => _tweets ?? LoadTweets();

        [MethodImpl(MethodImplOptions.NoInlining)]
        private PaperLinks LoadLinks() => Once.Publish(ref _links, DigestDecoder.ReadLinks(_fields));

        [MethodImpl(MethodImplOptions.NoInlining)]
        private string LoadAbstract() => Once.Publish(ref _abstract, DigestDecoder.ReadAbstract(_fields));

        [MethodImpl(MethodImplOptions.NoInlining)]
        private IReadOnlyList<Tweet> LoadTweets() => Once.Publish(ref _tweets, DigestDecoder.ReadTweets(_fields));
    }
}
