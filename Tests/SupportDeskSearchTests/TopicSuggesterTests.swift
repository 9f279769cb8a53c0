import Testing

@testable import SupportDeskSearch

@Suite("TopicSuggester")
struct TopicSuggesterTests {
    static let suggester: TopicSuggester? = try? TopicSuggester.twinHelpCenter()

    @Test("Topics come with their categories; categories are ranked by their topics")
    func categories() throws {
        let suggester = try #require(Self.suggester)
        let suggestions = suggester.suggest("бот не отвечает в чате", limit: 5)
        let first = try #require(suggestions.topics.first)
        #expect(first.topic.id == "chat-dialog")
        #expect(first.category.id == "chats")
        #expect(suggestions.categories.first?.category.id == "chats")
        #expect(suggestions.topics.count <= 5)
        for category in suggestions.categories {
            #expect(category.topics.allSatisfy { id in suggestions.topics.contains { $0.topic.id == id } })
        }
        let scores = suggestions.topics.map(\.score)
        #expect(scores == scores.sorted(by: >))
    }

    @Test("A repaired query carries a correction")
    func correction() throws {
        let suggester = try #require(Self.suggester)
        let suggestions = suggester.suggest("j,pdjy yt hf,jnftn")
        #expect(suggestions.correction == "обзвон не работает")
        #expect(suggestions.topics.first?.topic.id == "call-campaign")
        #expect(suggester.suggest("обзвон не работает").correction == nil)
    }

    @Test("Search tips are available per language")
    func searchTips() throws {
        let suggester = try #require(Self.suggester)
        #expect(!suggester.searchTips(in: .ru).isEmpty)
        #expect(suggester.searchTips(in: .en) != suggester.searchTips(in: .ru))
    }

    @Test("Nothing to suggest for an empty or meaningless query")
    func empty() throws {
        let suggester = try #require(Self.suggester)
        #expect(suggester.suggest("").topics.map(\.topic.id) == [])
        #expect(suggester.suggest("   ").categories.map(\.category.id) == [])
        #expect(suggester.suggest("и в на ").topics.map(\.topic.id) == [])
    }
}
