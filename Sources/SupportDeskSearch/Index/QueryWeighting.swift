/// Weighs the words of a long query by how well they tell documents apart, so that greetings, filler and
/// context words of a pasted paragraph do not drown the few words that name the problem.
///
/// For queries of more than ``longQueryWords`` content words, each word's weight becomes
/// `(idf / maxIdf)²` of its best form, where `maxIdf` is the idf of a word found in a single document:
/// a word present in most documents weighs almost nothing, a word naming one topic keeps its full weight.
/// (The index itself already weighs the words of a concessive clause — after `хотя`, `although` up to the end
/// of the sentence, “хотя в телеграме всё нормально работает” — at about a third: they say what works.)
public enum QueryWeighting {
    /// Queries with more content words than this are weighed.
    public static let longQueryWords = 5

    static func weigh<Key>(_ plan: inout QueryPlan, in index: SearchIndex<Key>) {
        weigh(&plan, in: index.core)
    }

    static func weigh(_ plan: inout QueryPlan, in index: IndexCore) {
        guard plan.words.count(where: \.isTyped) > longQueryWords else { return }
        let maxIdf = max(index.idf(documentFrequency: 1), 0.0001)
        // An idf depends only on the document frequency: each is computed once per query (a logarithm), in
        // a table by frequency (`nan` until computed) when the index is small, as a suggester's is.
        let documents = index.documentCount
        withUnsafeTemporaryAllocation(of: Float.self, capacity: documents < 1024 ? documents + 1 : 0) { idfs in
            idfs.initialize(repeating: .nan)
            for position in plan.words.indices {
                var best: Float = 0
                for form in plan.forms[plan.words[position].forms] {
                    let stem = form.isStem ? form.term : index.surfaceStem[Int(form.term)]
                    let frequency = Int(index.stemDocCount[Int(stem)])
                    let idf: Float
                    if frequency < idfs.count {
                        if idfs[frequency].isNaN { idfs[frequency] = index.idf(stem: stem) }
                        idf = idfs[frequency]
                    } else {
                        idf = index.idf(stem: stem)
                    }
                    best = max(best, idf * form.factor)
                }
                let ratio = Double(best / maxIdf)
                plan.words[position].word.weight *= min(1, ratio * ratio)
            }
        }
    }
}
