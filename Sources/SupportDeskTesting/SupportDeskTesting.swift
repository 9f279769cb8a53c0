// The conformance kit checks implementations of the domain's storage protocols; importing it brings the domain along.
@_exported public import SupportDesk
