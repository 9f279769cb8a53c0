// The search module works on the domain's catalog and tickets; importing it brings the domain along.
@_exported public import SupportDesk
