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
        for position in plan.words.indices {
            let forms = plan.words[position].forms
            var best: Float = 0
            for form in forms {
                let stem = form.isStem ? form.term : index.surfaceStem[Int(form.term)]
                best = max(best, index.idf(stem: stem) * form.factor)
            }
            let ratio = Double(best / maxIdf)
            plan.words[position].word.weight *= min(1, ratio * ratio)
        }
    }
}
