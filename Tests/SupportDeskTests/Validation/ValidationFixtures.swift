import SupportDesk

/// A small catalog with one field of every kind and every constraint, plus conditions, for the
/// validation tests (the shipped catalog is tested separately).
enum ValidationFixtures {
    static let catalogJSON = #"""
        {
          "schemaVersion": 1,
          "commonFields": [
            {"id": "accountNumber", "kind": "identifier", "label": {"ru": "Номер ЛК", "en": "Account number"},
             "required": true, "pattern": "^[0-9]{4,10}$"},
            {"id": "summary", "kind": "text", "label": {"ru": "Кратко о проблеме", "en": "Summary"},
             "required": true, "minLength": 5, "maxLength": 20},
            {"id": "description", "kind": "textarea", "label": {"ru": "Подробное описание", "en": "Description"},
             "maxLength": 1000},
            {"id": "attachments", "kind": "attachments", "label": {"ru": "Файлы", "en": "Files"},
             "maxFiles": 3, "maxFileSize": 1048576, "maxTotalSize": 2097152, "allowedTypes": ["image/*", "text/plain"]}
          ],
          "categories": [
            {"id": "all", "title": {"ru": "Всё", "en": "All"}, "description": {"ru": "Всё", "en": "All"},
             "topics": [
               {"id": "every-kind", "title": {"ru": "Все виды", "en": "Every kind"},
                "description": {"ru": "Поля всех видов", "en": "Fields of every kind"},
                "fields": [
                  {"id": "count", "kind": "integer", "label": {"ru": "Количество", "en": "Count"}, "min": 1, "max": 100},
                  {"id": "amount", "kind": "decimal", "label": {"ru": "Сумма", "en": "Amount"}, "min": 0.5, "max": 1000.25},
                  {"id": "day", "kind": "date", "label": {"ru": "Дата", "en": "Date"},
                   "minDate": "2024-01-01", "maxDate": "2026-12-31"},
                  {"id": "email", "kind": "email", "label": {"ru": "Почта", "en": "Email"}},
                  {"id": "phone", "kind": "phone", "label": {"ru": "Телефон", "en": "Phone"}},
                  {"id": "link", "kind": "url", "label": {"ru": "Ссылка", "en": "Link"}},
                  {"id": "chatId", "kind": "identifier", "label": {"ru": "ID чата", "en": "Chat ID"},
                   "pattern": "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"},
                  {"id": "channel", "kind": "select", "label": {"ru": "Канал", "en": "Channel"},
                   "options": [
                     {"value": "telegram", "label": {"ru": "Телеграм", "en": "Telegram"}},
                     {"value": "whatsapp", "label": {"ru": "Ватсап", "en": "WhatsApp"}},
                     {"value": "widget", "label": {"ru": "Виджет", "en": "Widget"}},
                     {"value": "other", "label": {"ru": "Другое", "en": "Other"}}
                   ]},
                  {"id": "otherChannel", "kind": "text", "label": {"ru": "Другой канал", "en": "Other channel"},
                   "visibleWhen": {"field": "channel", "equals": "other"}, "requiredWhen": {"field": "channel", "equals": "other"}},
                  {"id": "dialogId", "kind": "identifier", "label": {"ru": "ID диалога", "en": "Dialog ID"},
                   "requiredWhen": {"field": "channel", "in": ["telegram", "whatsapp"]}},
                  {"id": "botType", "kind": "select", "label": {"ru": "Тип бота", "en": "Bot type"},
                   "options": [
                     {"value": "text", "label": {"ru": "Текстовый", "en": "Text"}},
                     {"value": "buttons", "label": {"ru": "Кнопки", "en": "Buttons"},
                      "visibleWhen": {"field": "channel", "in": ["telegram", "widget"]}}
                   ]},
                  {"id": "features", "kind": "multiselect", "label": {"ru": "Функции", "en": "Features"},
                   "minSelections": 2, "maxSelections": 3,
                   "options": [
                     {"value": "a", "label": {"ru": "А", "en": "A"}},
                     {"value": "b", "label": {"ru": "Б", "en": "B"}},
                     {"value": "c", "label": {"ru": "В", "en": "C"}},
                     {"value": "d", "label": {"ru": "Г", "en": "D"}}
                   ]},
                  {"id": "agree", "kind": "checkbox", "label": {"ru": "Согласие", "en": "Consent"}, "required": true},
                  {"id": "name", "kind": "text", "label": {"ru": "Имя", "en": "Name"}, "minLength": 2, "maxLength": 5}
                ]}
             ]}
          ],
          "searchTips": {"ru": ["совет"], "en": ["tip"]}
        }
        """#

    static func catalog() throws -> Catalog { try Catalog.load(Array(catalogJSON.utf8), source: "fixture") }

    static func validator(
        messages: ValidationMessages = .default, limits: ValidationLimits = .default
    ) throws
        -> FormValidator
    {
        FormValidator(catalog: try catalog(), messages: messages, limits: limits)
    }

    /// A valid input of the `every-kind` form.
    static let validInput: JSONValue = [
        "accountNumber": "123456", "summary": "Бот молчит", "count": 5, "agree": true, "channel": "widget",
    ]

    /// `validInput` with some members changed (a `nil` value removes the member).
    static func input(_ changes: [String: JSONValue?]) -> JSONValue {
        guard case .object(var object) = validInput else { return validInput }
        for (key, value) in changes { object[key] = value }
        return .object(object)
    }
}

extension Result {
    var failure: Failure? {
        if case .failure(let failure) = self { return failure }
        return nil
    }

    var success: Success? {
        if case .success(let success) = self { return success }
        return nil
    }
}
