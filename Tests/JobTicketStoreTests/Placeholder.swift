import Testing

@Test func placeholderJobTicketStoreTests() { #expect(Bool(true)) }
