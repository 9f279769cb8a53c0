/// The former name of ``AttachmentPolicy``, kept so existing code compiles.
public typealias AttachmentLimits = AttachmentPolicy
