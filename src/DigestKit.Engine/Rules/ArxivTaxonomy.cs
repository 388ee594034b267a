using System;
using System.Collections.Generic;

namespace DigestKit.Engine.Rules
{
    /// <summary>
    /// arXiv's category taxonomy: every current category, the aliases arXiv still lists papers under
    /// (cs.NA = math.NA, math.MP = math-ph, …) and the legacy archives of the 1990s that old papers keep.
    /// Case matters: arXiv writes <c>cs.LG</c>, never <c>cs.lg</c>.
    /// </summary>
    public static class ArxivTaxonomy
    {
        private static readonly string[] Groups =
        {
            "cs: AI AR CC CE CG CL CR CV CY DB DC DL DM DS ET FL GL GR GT HC IR IT LG LO MA MM MS NA NE NI OH OS PF PL RO SC SD SE SI SY",
            "econ: EM GN TH",
            "eess: AS IV SP SY",
            "math: AC AG AP AT CA CO CT CV DG DS FA GM GN GR GT HO IT KT LO MG MP NA NT OA OC PR QA RA RT SG SP ST",
            "astro-ph: CO EP GA HE IM SR",
            "cond-mat: dis-nn mes-hall mtrl-sci other quant-gas soft stat-mech str-el supr-con",
            "nlin: AO CD CG PS SI",
            "physics: acc-ph ao-ph app-ph atm-clus atom-ph bio-ph chem-ph class-ph comp-ph data-an ed-ph flu-dyn gen-ph geo-ph hist-ph ins-det med-ph optics plasm-ph pop-ph soc-ph space-ph",
            "q-bio: BM CB GN MN NC OT PE QM SC TO",
            "q-fin: CP EC GN MF PM PR RM ST TR",
            "stat: AP CO ME ML OT TH",
        };

        /// <summary>Archives that are categories by themselves, current and legacy.</summary>
        private static readonly string[] Standalone =
        {
            "gr-qc", "hep-ex", "hep-lat", "hep-ph", "hep-th", "math-ph", "nucl-ex", "nucl-th", "quant-ph",
            // Archives that were categories before they were split, still on old papers.
            "astro-ph", "cond-mat",
            // Legacy archives, merged into the ones above in the 1990s.
            "acc-phys", "adap-org", "alg-geom", "ao-sci", "atom-ph", "bayes-an", "chao-dyn", "chem-ph", "cmp-lg",
            "comp-gas", "dg-ga", "funct-an", "mtrl-th", "patt-sol", "plasm-ph", "q-alg", "solv-int", "supr-con",
        };

        /// <summary>Every category, e.g. <c>cs.LG</c>, <c>physics.soc-ph</c>, <c>quant-ph</c>.</summary>
        public static IReadOnlyCollection<string> Categories => All;

        private static readonly HashSet<string> All = Build();

        public static bool Contains(string? category) => category != null && All.Contains(category);

        private static HashSet<string> Build()
        {
            var set = new HashSet<string>(StringComparer.Ordinal);
            foreach (var group in Groups)
            {
                var colon = group.IndexOf(':');
                var archive = group.Substring(0, colon);
                foreach (var sub in group.Substring(colon + 1).Split(new[] { ' ' }, StringSplitOptions.RemoveEmptyEntries))
                {
                    set.Add(archive + "." + sub);
                }
            }

            foreach (var name in Standalone)
            {
                set.Add(name);
            }

            return set;
        }
    }
}
