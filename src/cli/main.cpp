// The dateline command line: subcommands registered in one place, errors mapped to exit codes.
#include "cli/common.hpp"

#include <fmt/format.h>

#include <iostream>

namespace {

// Every subcommand, in the order --help lists them.
void register_commands(CLI::App& app) {
    using namespace dateline::cli;
    add_extract_command(app);
    add_ingest_command(app);
    add_export_command(app);
    add_events_command(app);
    add_stats_command(app);
    add_merge_command(app);
    add_annotate_command(app);
    add_eval_command(app);
}

}  // namespace

int main(int argc, char** argv) {
    CLI::App app{"dateline: news articles in, a timeline of dated facts out.", "dateline"};
    app.set_version_flag("--version", std::string("dateline ") + DATELINE_VERSION);
    app.require_subcommand(1);
    app.fallthrough(false);
    register_commands(app);
    try {
        app.parse(argc, argv);
    } catch (const CLI::CallForHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForAllHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForVersion& e) {
        return app.exit(e);
    } catch (const CLI::ParseError& e) {
        app.exit(e);
        std::cerr << "Run 'dateline --help' or 'dateline COMMAND --help' for usage.\n";
        return dateline::cli::exit_bad_input;
    } catch (const dateline::InputError& e) {
        std::cerr << "dateline: " << e.what() << '\n';
        return dateline::cli::exit_bad_input;
    } catch (const dateline::DataError& e) {
        std::cerr << "dateline: " << e.what() << "\n(check --data / --gazetteer files)\n";
        return dateline::cli::exit_bad_input;
    } catch (const dateline::Error& e) {
        std::cerr << "dateline: " << e.what() << '\n';
        return dateline::cli::exit_internal;
    } catch (const std::exception& e) {
        std::cerr << "dateline: internal error: " << e.what() << "\nPlease report this with the input that caused it.\n";
        return dateline::cli::exit_internal;
    }
    return dateline::cli::exit_code();
}
