import Testing

@Test func placeholderJobTicketAppTests() { #expect(Bool(true)) }
