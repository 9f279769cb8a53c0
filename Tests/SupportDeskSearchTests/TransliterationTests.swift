import Testing

@testable import SupportDeskSearch

@Suite("Transliteration")
struct TransliterationTests {
    @Test(
        "Common Latin spellings of Russian words match",
        arguments: [
            ("zayavki", "заявки"), ("zajavki", "заявки"), ("zaiavki", "заявки"), ("rabotaet", "работает"),
            ("obzvon", "обзвон"), ("shablon", "шаблон"), ("schet", "счёт"), ("shchetka", "щётка"),
            ("zakryvayushchie", "закрывающие"), ("skachat", "скачать"), ("khochu", "хочу"), ("hochu", "хочу"),
            ("sohranyaetsya", "сохраняется"), ("otchet", "отчёт"),
            ("zhurnal", "журнал"), ("tsena", "цена"), ("cena", "цена"), ("dialog", "диалог"),
            ("podklyuchit", "подключить"), ("bitriks", "битрикс"), ("oshibka", "ошибка"), ("statistika", "статистика"),
        ])
    func matches(latin: String, cyrillic: String) {
        #expect(Transliteration.matches(latin: latin, cyrillic: cyrillic))
    }

    @Test("Different words do not match")
    func mismatches() {
        #expect(!Transliteration.matches(latin: "obzvon", cyrillic: "звонок"))
        #expect(!Transliteration.matches(latin: "report", cyrillic: "отчёт"))
        #expect(!Transliteration.matches(latin: "ziavki", cyrillic: "заявка"))
    }
}
