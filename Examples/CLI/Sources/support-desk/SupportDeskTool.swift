import ArgumentParser
import SupportDeskCLI

/// The `support-desk` executable: hands the command line to ``SupportDeskCommand``.
@main
struct SupportDeskTool {
    static func main() async {
        await SupportDeskCommand.main(nil)
    }
}
