/// The sort fields of the document lists (spec §7).
public enum DocumentSortField: String, Sendable, CaseIterable {
    case id, documentName, createdAt, updatedAt
}
