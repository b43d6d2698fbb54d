import Testing

@Test func placeholderJobTicketAPITests() { #expect(Bool(true)) }
