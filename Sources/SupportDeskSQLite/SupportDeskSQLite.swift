// The SQLite backend stores the domain's values; importing it brings the domain along.
@_exported public import SupportDesk
