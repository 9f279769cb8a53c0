/// Words that carry no meaning for search (Russian and English function words, greetings and filler of
/// support requests), and the negations that are kept.
///
/// Negations (`не`, `нет`, `ни`, `not`, `no`, `cannot`, `don't`…) are never stop words: “не сохраняется”
/// and “сохраняется” are different problems, and the index keeps the word so the ranking can use it.
/// Filler words (“добрый день”, “подскажите пожалуйста”, “коллеги”, “hello”, “please”) are stop words,
/// so a pasted paragraph is weighed by the words that name the problem.
public enum StopWords {
    /// Negations kept by the analysis (folded).
    public static let negations: Set<String> = [
        "не", "нет", "ни", "без", "not", "no", "cannot", "cant", "dont", "doesnt", "didnt", "isnt", "wont",
        "never", "nothing", "without",
    ]

    /// Russian function words (folded, `ё` as `е`).
    public static let russian: Set<String> = [
        "и", "в", "во", "на", "с", "со", "к", "ко", "по", "о", "об", "обо", "от", "до", "из", "за", "у", "для",
        "при", "про", "через", "над", "под", "а", "но", "или", "либо", "что", "чтобы", "как", "так", "также",
        "тоже", "же", "ли", "бы", "вот", "это", "этот", "эта", "эти", "этого", "этой", "этом", "тот", "та", "те",
        "то", "того", "той", "там", "тут", "здесь", "я", "мы", "вы", "ты", "он", "она", "оно", "они", "меня",
        "мне", "нас", "нам", "вас", "вам", "его", "ее", "их", "им", "ему", "ней", "нем", "них", "мой", "моя",
        "мое", "мои", "наш", "наша", "наше", "наши", "нашей", "нашем", "нашего", "ваш", "ваша", "ваше", "ваши",
        "свой", "свою", "свои", "своих", "себя", "себе", "уже", "еще", "ещё", "очень", "все", "всё", "всех",
        "весь", "вся", "был", "была", "было", "были", "быть", "есть", "будет", "будут", "когда", "где", "куда",
        "почему", "зачем", "какой", "какая", "какие", "какое", "каких", "который", "которая", "которые",
        "которых", "если", "то", "ну", "да", "вообще", "просто", "сейчас", "теперь", "потом", "тогда", "только",
        "даже", "хотя", "можно", "нужно", "надо", "может", "могу", "можете", "сможете", "подскажите",
        "пожалуйста", "пожалуйсто", "помогите", "здравствуйте", "привет", "добрый", "доброе", "день", "утро",
        "вечер", "спасибо", "благодарю", "коллеги", "уважаемые", "уважаемый", "заранее", "подскажите",
        "скажите", "вопрос", "вопросы", "проблема", "проблемы", "проблему", "у", "нас", "меня", "всем", "опять",
        "снова", "кто", "чем", "чему", "сколько", "около", "после", "перед", "между", "без", "более", "менее",
        "много", "мало", "раз", "ведь", "либо", "нибудь", "то", "сам", "сама", "сами", "само", "такой", "такая",
        "такие", "такое", "пару", "ребята", "help", "срочно",
    ]

    /// English function words.
    public static let english: Set<String> = [
        "a", "an", "the", "and", "or", "but", "of", "to", "in", "on", "at", "by", "for", "with", "from", "into",
        "about", "as", "is", "are", "was", "were", "be", "been", "being", "am", "do", "does", "did", "have",
        "has", "had", "i", "we", "you", "he", "she", "it", "they", "me", "us", "him", "her", "them", "my", "our",
        "your", "its", "their", "this", "that", "these", "those", "there", "here", "what", "which", "who",
        "whom", "how", "why", "where", "when", "can", "could", "would", "should", "will", "shall", "may",
        "might", "must", "so", "if", "then", "than", "too", "very", "just", "also", "please", "hello", "hi",
        "thanks", "thank", "dear", "team", "any", "some", "all", "get", "got", "there", "s", "t", "m", "d",
        "ll", "re", "ve",
    ]

    /// All stop words (negations excluded).
    static let all: Set<String> = russian.union(english).subtracting(negations)

    /// Whether a folded word is a stop word.
    /// - Parameter word: A folded word.
    /// - Returns: `true` for function words and filler; `false` for negations and content words.
    public static func contains(_ word: String) -> Bool { all.contains(word) }
}
