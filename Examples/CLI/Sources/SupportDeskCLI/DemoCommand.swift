public import ArgumentParser
import Foundation
import SupportDesk
import SupportDeskSQLite

/// `support-desk demo`: the guide's story end to end on a fresh SQLite file, narrated step by step.
public struct DemoCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Run the help center's whole story on a fresh database and tell what happens at each step.",
        discussion: """
            An account shared through a mailing group, a form with mistakes and then fixed, the ticket number, \
            an agent's claim and question, the notification to every address, two days without an answer (the \
            clock is moved, not slept), the automatic close, the refresh and the resolution. Uses a temporary \
            database unless --db names a file that does not exist yet. --locale en tells it in English.
            """)
    @OptionGroup public var global: GlobalOptions
    public init() {}

    public func run() async throws {
        let dbGiven = CommandLine.arguments.contains { $0 == "--db" || $0.hasPrefix("--db=") }
        let directory: URL
        let path: String
        if dbGiven {
            path = global.db
            guard !FileManager.default.fileExists(atPath: path) else {
                Output.printError("error: the demo needs a fresh database, and \(path) already exists")
                throw ExitCode(1)
            }
            directory = URL(fileURLWithPath: path).deletingLastPathComponent()
        } else {
            directory = FileManager.default.temporaryDirectory.appendingPathComponent(
                "support-desk-demo-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            path = directory.appendingPathComponent("demo.sqlite").path
        }
        defer { if !dbGiven { try? FileManager.default.removeItem(at: directory) } }
        let outboxFile = dbGiven ? path + ".outbox.jsonl" : directory.appendingPathComponent("outbox.jsonl").path
        try await HelpCenterSession.run(global) {
            var story = try DemoStory(global: global, path: path, outboxFile: outboxFile, keepsFiles: dbGiven)
            try await story.tell()
        }
    }
}

/// The demo's steps and narration.
struct DemoStory {
    let ru: Bool
    let language: LanguageCode
    let path: String
    let outboxFile: String
    let keepsFiles: Bool
    let time: ManualTime
    let session: HelpCenterSession
    var center: HelpCenter { session.center }
    var step = 0

    init(global: GlobalOptions, path: String, outboxFile: String, keepsFiles: Bool) throws {
        language = global.language
        ru = language == .ru
        self.path = path
        self.outboxFile = outboxFile
        self.keepsFiles = keepsFiles
        let start = global.now.flatMap(GlobalOptions.parseDate) ?? Date()
        let time = ManualTime(Date(timeIntervalSince1970: (start.timeIntervalSince1970 / 60).rounded(.down) * 60))
        self.time = time
        session = try HelpCenterSession(global, path: path, now: time.now)
    }

    func t(_ russian: String, _ english: String) -> String { ru ? russian : english }

    mutating func heading(_ russian: String, _ english: String) {
        step += 1
        print("\n\(step). \(t(russian, english))")
    }

    func say(_ russian: String, _ english: String) { print("   " + t(russian, english)) }
    func detail(_ text: String) { print("     " + text) }
    func now() -> String { TicketRendering.time(time.date) }

    mutating func tell() async throws {
        let email = { (text: String) throws -> EmailAddress in try EmailAddress(text) }
        let group = try email("support@romashka.ru")
        let fanOut = try ["anna@romashka.ru", "boris@romashka.ru", "vera@romashka.ru"].map(email)
        let ivan: Agent.ID = "ivan"
        let maria: Agent.ID = "maria"

        print(t("Демо справочного центра SupportDesk", "SupportDesk help-center demo"))
        print(t("База: \(path) (новый файл SQLite)", "Database: \(path) (a fresh SQLite file)"))
        print(
            t(
                "Часы демо стоят на \(now()) и двигаются только по сценарию.",
                "The demo clock stands at \(now()) and moves only when the story says so."))

        // 1. The account.
        heading("Компания заводит учётную запись", "A company opens its account")
        let company = t("ООО «Ромашка»", "Romashka Ltd")
        let account = try await center.createAccount(
            company: company, members: [group], sharing: .mailingGroup(fanOut: fanOut))
        say(
            "У компании одна учётная запись. «Ромашка» зарегистрировала почтовую группу \(group):",
            "A company has one account. Romashka registered the mailing group \(group):")
        say(
            "входят по адресу группы, а уведомления получат все её адреса:",
            "people sign in with the group address, and notifications reach every address of the group:")
        detail(account.notificationRecipients.map(\.rawValue).joined(separator: ", "))
        do {
            try await center.createAccount(
                company: t("ооо «ромашка» ", "romashka ltd "), members: [try email("director@romashka.ru")])
        } catch let error as HelpCenterError {
            say(
                "Вторую учётную запись для той же компании завести нельзя:",
                "A second account for the same company is refused:")
            detail(
                t(
                    "отказ [\(error.code)]: у компании уже есть учётная запись «\(company)»",
                    "refused [\(error.code)]: \(error.message)"))
        }

        // 2. The form.
        heading("Клиент заполняет форму обращения", "The customer fills in the request form")
        let topicID: Topic.ID = "chat-dialog"
        if let topic = session.catalog.topic(topicID), let category = session.catalog.category(topic.categoryID) {
            say(
                "Категория «\(category.title[language])», тема «\(topic.title[language])».",
                "Category “\(category.title[language])”, topic “\(topic.title[language])”.")
        }
        let validator = FormValidator(catalog: session.catalog)
        let summary = t("Бот не отвечает в Telegram", "The bot does not answer in Telegram")
        var form: JSONValue = [
            "accountNumber": "12-34", "summary": .string(summary), "channel": "telegram",
        ]
        switch validator.validate(topic: topicID, input: form) {
        case .success: say("(форма неожиданно прошла проверку)", "(the form unexpectedly passed)")
        case .failure(let failure):
            say(
                "Первая попытка — форма не прошла проверку, все ошибки сразу:",
                "First try: the form is refused, with every problem at once:")
            for issue in failure.issues { detail("\(issue.path): \(issue.message(in: language))") }
        }
        form = [
            "accountNumber": "123456", "summary": .string(summary),
            "description": .string(
                t(
                    "Пишу боту «Ромашка-бот» в Telegram — он молчит с утра. Шаги: открыть чат, написать «привет».",
                    "I write to the Romashka bot in Telegram and it has been silent since this morning. Steps: open the chat, say hello."
                )),
            "chatId": "3f2c9a10-1b2c-4d5e-8f90-a1b2c3d4e5f6", "dialogId": "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d",
            "channel": "telegram",
        ]
        let submission: ValidatedSubmission
        switch validator.validate(topic: topicID, input: form) {
        case .success(let valid): submission = valid
        case .failure(let failure):
            for issue in failure.issues { detail("\(issue.path): \(issue.message(in: language))") }
            throw ExitCode(1)
        }
        let ticket = try await center.createTicket(submission, by: .customer(group))
        say("Исправленная форма принята. Заявка создана:", "The corrected form is accepted. The ticket is created:")
        detail("\(ticket.number) — \(TicketRendering.status(ticket.status, language))")
        let queued = try await center.queue(agent: ivan).items.map(\.number.description)
        say(
            "Очередь поддержки (старые первыми): \(queued.joined(separator: ", "))",
            "Support queue (oldest first): \(queued.joined(separator: ", "))")

        // 3. The agent.
        time.advance(by: 25 * 60)
        heading("Специалист берёт заявку и задаёт вопрос", "An agent takes the ticket and asks a question")
        if let claimed = try await center.claimNext(agent: ivan) {
            say(
                "\(now()): агент \(ivan) взял из очереди \(claimed.number) — статус «\(TicketRendering.status(claimed.status, language))».",
                "\(now()): agent \(ivan) took \(claimed.number) from the queue — status “\(TicketRendering.status(claimed.status, language))”."
            )
        }
        time.advance(by: 5 * 60)
        try await center.comment(
            on: ticket.number, by: .agent(ivan),
            text: t(
                "Проверить вебхук бота — похоже, истёк токен.", "Check the bot's webhook: the token looks expired."),
            visibility: .internal)
        say(
            "Внутренняя заметка для коллег (клиент её не увидит).",
            "An internal note for colleagues (the customer never sees it).")
        let question = t(
            "Пришлите, пожалуйста, скриншот настроек бота в разделе Чаты – Настройки.",
            "Please send a screenshot of the bot's settings under Chats – Settings.")
        let asked = try await center.comment(on: ticket.number, by: .agent(ivan), text: question, asks: true)
        say("Публичный вопрос клиенту:", "A public question to the customer:")
        detail("«\(question)»")
        if let deadline = asked.ticket.replyDeadline {
            say(
                "Статус «\(TicketRendering.status(asked.ticket.status, language))»; ответить нужно до \(TicketRendering.time(deadline)).",
                "Status “\(TicketRendering.status(asked.ticket.status, language))”; the answer is due by \(TicketRendering.time(deadline))."
            )
        }

        // 4. The notifications.
        heading("Уведомление уходит на каждый адрес группы", "The notification goes to every address of the group")
        let worker = center.deliveryWorker(to: FileNotificationSink(path: outboxFile))
        let waitingNotes = try await outbox().filter { $0.kind == .waitingForReply }
        for note in waitingNotes { detail("→ \(note.recipient)  [\(note.kind)]") }
        let delivered = try await worker.deliverDue().delivered.count
        say(
            "Доставлено \(delivered) писем (вместе с подтверждениями создания заявки) в файл-заглушку почты \(outboxFile). Первое письмо с вопросом:",
            "Delivered \(delivered) messages (with the creation confirmations) to the stand-in mail file \(outboxFile). The first question message:"
        )
        if let first = waitingNotes.first {
            for line in first.body.split(separator: "\n", omittingEmptySubsequences: false) { detail("| \(line)") }
        }
        let customerView = try await center.view(ticket.number, as: .customer(group))
        let agentView = try await center.view(ticket.number, as: .agent(ivan))
        say(
            "Клиент видит \(customerView.comments.count) комментарий из \(agentView.comments.count): внутренняя заметка скрыта.",
            "The customer sees \(customerView.comments.count) of \(agentView.comments.count) comments: the internal note is hidden."
        )

        // 5. Two days.
        heading("Два дня без ответа", "Two days without an answer")
        let askedAt = time.date
        time.set(askedAt.addingTimeInterval(47 * 3600 + 59 * 60))
        var report = try await center.sweep()
        say(
            "Часы переведены на 47 ч 59 мин вперёд (\(now())). Проверка сроков: закрыто \(report.closed.count) — срок ещё не прошёл.",
            "The clock is moved 47 h 59 min ahead (\(now())). The deadline sweep closes \(report.closed.count): the period has not passed."
        )
        time.set(askedAt.addingTimeInterval(48 * 3600 + 60))
        report = try await center.sweep()
        say(
            "Ещё 2 минуты (\(now()), 48 ч 1 мин): проверка закрыла \(report.closed.map(\.number.description).joined(separator: ", ")).",
            "Two more minutes (\(now()), 48 h 1 min): the sweep closed \(report.closed.map(\.number.description).joined(separator: ", "))."
        )
        let closed = try await center.view(ticket.number, as: .customer(group))
        if let entry = closed.history.last { detail(t("История: ", "History: ") + entry.reason) }
        let closeNotes = try await outbox().filter { $0.kind == .closedNoReply }
        say(
            "Уведомление о закрытии — на \(closeNotes.count) адреса: \(closeNotes.map(\.recipient.rawValue).joined(separator: ", ")).",
            "The closing notice goes to \(closeNotes.count) addresses: \(closeNotes.map(\.recipient.rawValue).joined(separator: ", "))."
        )
        if let until = closed.refreshableUntil {
            say(
                "Заявку можно актуализировать до \(TicketRendering.time(until)).",
                "The ticket can be refreshed until \(TicketRendering.time(until)).")
        }
        let again = try await center.sweep()
        say(
            "Повторная проверка ничего не меняет (закрыто: \(again.closed.count)) — её можно запускать сколько угодно раз.",
            "Running the sweep again changes nothing (closed: \(again.closed.count)): it can run any number of times.")

        // Meanwhile another company writes in.
        time.advance(by: 18 * 3600)
        let lutik = try await center.createAccount(
            company: t("ИП Лютиков", "Lutikov & Co"), members: [try email("olga@lutik.ru"), try email("petr@lutik.ru")])
        var other = form
        if case .object(var fields) = other {
            fields["summary"] = .string(t("Не доходят сообщения в WhatsApp", "WhatsApp messages do not arrive"))
            fields["channel"] = "whatsapp"
            other = .object(fields)
        }
        var otherNumber = ""
        if case .success(let valid) = validator.validate(topic: topicID, input: other) {
            otherNumber = try await center.createTicket(valid, by: .customer(lutik.members[0])).number.description
        }

        // 6. Refresh.
        time.advance(by: 2 * 3600)
        heading("Клиент актуализирует заявку", "The customer refreshes the ticket")
        let refreshed = try await center.refresh(
            ticket.number, by: group,
            text: t(
                "Извините, были в отпуске. В настройках бот включён, токен указан, но бот всё ещё молчит.",
                "Sorry, we were on holiday. The bot is switched on and the token is set, but it is still silent."))
        say(
            "\(now()): заявка \(refreshed.ticket.number) снова «\(TicketRendering.status(refreshed.ticket.status, language))» с комментарием клиента.",
            "\(now()): ticket \(refreshed.ticket.number) is “\(TicketRendering.status(refreshed.ticket.status, language))” again, with the customer's comment."
        )
        let queue = try await center.queue(agent: ivan).items.map(\.number.description)
        say(
            "Она встаёт в конец очереди — порядок считается от момента актуализации. Очередь: \(queue.joined(separator: ", "))",
            "It joins the end of the queue, counted from the moment of the refresh. Queue: \(queue.joined(separator: ", "))"
        )
        if !otherNumber.isEmpty {
            detail(
                t(
                    "(\(otherNumber) — заявка другой компании, созданная, пока «Ромашка» молчала)",
                    "(\(otherNumber) is another company's ticket, created while Romashka was silent)"))
        }

        // 7. Resolution.
        time.advance(by: 40 * 60)
        heading("Решение", "The resolution")
        for agent in [ivan, maria] {
            if let claimed = try await center.claimNext(agent: agent) {
                say(
                    "Агент \(agent) берёт из очереди \(claimed.number).",
                    "Agent \(agent) takes \(claimed.number) from the queue.")
            }
        }
        time.advance(by: 30 * 60)
        let resolution = t(
            "Токен бота в Telegram истёк — перевыпустили его и переподключили вебхук. Бот снова отвечает.",
            "The bot's Telegram token had expired: we issued a new one and reconnected the webhook. The bot answers again."
        )
        let resolved = try await center.resolve(ticket.number, by: maria, text: resolution)
        say(
            "\(now()): заявка \(resolved.number) — «\(TicketRendering.status(resolved.status, language))».",
            "\(now()): ticket \(resolved.number) is “\(TicketRendering.status(resolved.status, language))”.")
        let final = try await worker.deliverDue()
        say(
            "Доставлено ещё \(final.delivered.count) писем: закрытие, актуализация и решение — каждому адресу группы, и подтверждения «Лютикову».",
            "Delivered \(final.delivered.count) more messages: the close, the refresh and the resolution to every address of the group, and Lutikov's confirmations."
        )

        // 8. The record.
        heading("Что видит клиент в итоге", "What the customer sees in the end")
        let finalView = try await center.view(ticket.number, as: .customer(group))
        print(
            TicketRendering.text(finalView, catalog: session.catalog, language: language).split(separator: "\n").map {
                "   " + $0
            }.joined(separator: "\n"))
        print("")
        if keepsFiles {
            print(
                t(
                    "Попробуйте сами: support-desk ticket show \(ticket.number) --db \(path)",
                    "Try it yourself: support-desk ticket show \(ticket.number) --db \(path)"))
            print(t("Письма: \(outboxFile)", "Messages: \(outboxFile)"))
        } else {
            print(
                t(
                    "Временная база удалена. С --db <файл> она сохранится для команд ticket, queue, outbox.",
                    "The temporary database was removed. With --db <file> it is kept for the ticket, queue and outbox commands."
                ))
        }
    }

    func outbox() async throws -> [OutboxNotification] {
        var all: [OutboxNotification] = []
        var cursor: PageCursor?
        repeat {
            let page = try await session.store.notifications(after: cursor, limit: 200)
            all += page.items
            cursor = page.next
        } while cursor != nil
        return all
    }
}
