/// Checks of ``AccountStore``: lookups and the uniqueness rules.
extension StoreConformance {
    func accountsRoundTrip(_ store: any SupportDeskStore) async throws {
        let group = try email("team@romashka.ru")
        let fanOut = [try email("anna@romashka.ru"), try email("boris@romashka.ru")]
        let romashka = try Account(
            company: "Ромашка", members: [group], sharing: .mailingGroup(fanOut: fanOut), createdAt: at(0))
        try await store.createAccount(romashka)
        let lilia = try await makeAccount(store, "Лилия", ["ivan@lilia.ru", "Olga@Lilia.RU"])

        try expectEqual(try await store.account(id: romashka.id), romashka, "account(id:) of a mailing-group account")
        try expectEqual(try await store.account(id: lilia.id), lilia, "account(id:)")
        try expectEqual(
            try await store.account(memberEmail: group)?.id, romashka.id, "account(memberEmail:) of the group address")
        try expectEqual(
            try await store.account(memberEmail: try email("Olga@LILIA.ru"))?.id, lilia.id,
            "account(memberEmail:) with the domain in another case")
        try expectEqual(
            try await store.account(company: "  ЛИЛИЯ ")?.id, lilia.id, "account(company:) compares by companyKey")
        try expect(
            try await store.account(memberEmail: fanOut[0]) == nil,
            "a mailing group's fan-out address is a recipient, not a member, but account(memberEmail:) found it")
        try expect(try await store.account(id: "no-such-account") == nil, "account(id:) of an unknown id is nil")
        try expect(
            try await store.account(memberEmail: try email("nobody@example.com")) == nil,
            "account(memberEmail:) of an unknown email is nil")
        try expect(try await store.account(company: "Василёк") == nil, "account(company:) of an unknown company is nil")
        try await expectError(.duplicateID, "creating an account with an existing id") {
            try await store.createAccount(
                Account(id: lilia.id, company: "Другая", members: [try email("x@other.ru")], createdAt: at(0)))
        }
    }

    func duplicateCompanyNamesTheExistingAccount(_ store: any SupportDeskStore) async throws {
        let first = try await makeAccount(store, "ООО Ромашка", ["anna@romashka.ru"])
        let error = try await expectError(.duplicateCompany, "a second account for the same company") {
            try await makeAccount(store, "  ооо   РОМАШКА ", ["boris@romashka.ru"])
        }
        try expectEqual(error.context.accountID, first.id, "the duplicateCompany error names the existing account")
        try expect(
            try await store.account(memberEmail: try email("boris@romashka.ru")) == nil,
            "the rejected account's member was stored")
    }

    func duplicateMemberNamesTheExistingAccount(_ store: any SupportDeskStore) async throws {
        let group = try email("support@romashka.ru")
        let first = try Account(
            company: "Ромашка", members: [group], sharing: .mailingGroup(fanOut: [try email("anna@romashka.ru")]),
            createdAt: at(0))
        try await store.createAccount(first)
        let error = try await expectError(.duplicateMember, "another account with the group address as a member") {
            try await makeAccount(store, "Лилия", ["ivan@lilia.ru", "support@ROMASHKA.ru"])
        }
        try expectEqual(error.context.accountID, first.id, "the duplicateMember error names the existing account")
        try expectEqual(error.context.email, group, "the duplicateMember error names the email")
        try expect(try await store.account(company: "Лилия") == nil, "the rejected account was stored")
        try expect(
            try await store.account(memberEmail: try email("ivan@lilia.ru")) == nil,
            "the rejected account's other member was stored")
        // A fan-out address is not a member: another account may use it as a member.
        let other = try await makeAccount(store, "Василёк", ["anna@romashka.ru"])
        try expectEqual(
            try await store.account(memberEmail: try email("anna@romashka.ru"))?.id, other.id,
            "a fan-out address of one account may be a member of another")
    }

    /// The rule of ``EmailAddress``: the whole address compares case-insensitively (``EmailAddress/matchKey``),
    /// the local part included, for lookups and for the one-account-per-address rule.
    func memberEmailsMatchIgnoringCase(_ store: any SupportDeskStore) async throws {
        let lilia = try await makeAccount(store, "Лилия", ["Olga.Petrova@Lilia.ru"])
        for spelling in [
            "olga.petrova@lilia.ru", "OLGA.PETROVA@LILIA.RU", "Olga.Petrova@Lilia.ru", "oLGA.pETROVA@lilia.RU",
        ] {
            try expectEqual(
                try await store.account(memberEmail: try email(spelling))?.id, lilia.id,
                "account(memberEmail: “\(spelling)”) of a member stored as Olga.Petrova@Lilia.ru")
        }
        let stored = try await store.account(id: lilia.id)
        try expectEqual(
            stored?.members.map(\.rawValue), ["Olga.Petrova@lilia.ru"], "the member keeps the case it was given")
        let error = try await expectError(.duplicateMember, "another account with the member in another case") {
            try await makeAccount(store, "Василёк", ["ivan@vasilek.ru", "OLGA.PETROVA@lilia.RU"])
        }
        try expectEqual(error.context.accountID, lilia.id, "the duplicateMember error names the existing account")
        try expect(
            try await store.account(memberEmail: try email("ivan@vasilek.ru")) == nil,
            "the rejected account's other member was stored")
    }

    func concurrentAccountCreatesForOneCompany(_ store: any SupportDeskStore) async throws {
        let tasks = concurrentTasks * 2
        let outcomes = try await withThrowingTaskGroup(of: StorageError.Code?.self) { group in
            for index in 0..<tasks {
                group.addTask {
                    do {
                        _ = try await makeAccount(
                            store, index.isMultiple(of: 2) ? "Ромашка" : "РОМАШКА", ["u\(index)@r.ru"])
                        return nil
                    } catch let error as StorageError {
                        return error.code
                    }
                }
            }
            var outcomes: [StorageError.Code?] = []
            for try await outcome in group { outcomes.append(outcome) }
            return outcomes
        }
        try expectEqual(outcomes.filter { $0 == nil }.count, 1, "successful concurrent creates for one company")
        try expect(
            outcomes.allSatisfy { $0 == nil || $0 == .duplicateCompany },
            "the losing concurrent creates fail with duplicateCompany, got \(outcomes)")
        var members = 0
        for index in 0..<tasks where try await store.account(memberEmail: try email("u\(index)@r.ru")) != nil {
            members += 1
        }
        try expectEqual(members, 1, "member emails stored by the concurrent creates")
    }
}
