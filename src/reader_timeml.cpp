// The TimeML article reader: a .tml or .TE3input document becomes one Article.
#include "reader_timeml.hpp"

#include "dateline/error.hpp"

#include <iterator>
#include <string>

#if __has_include("dateline/timeml.hpp")
#include "dateline/timeml.hpp"
#define DATELINE_HAVE_TIMEML 1
#endif

namespace dateline {

void read_timeml_stream(std::istream& in, const std::string& name, const ReadOptions& options,
                        const ArticleSink& on_article, const ProblemSink& on_problem) {
    std::string content(std::istreambuf_iterator<char>(in), {});
    // What the other readers promise of every article: UTF-8 text without NUL bytes
    // (the JSON output cannot hold anything else).
    if (std::size_t bad = 0; !valid_utf8(content, &bad)) {
        on_problem({name, "invalid UTF-8 at byte " + std::to_string(bad) + "; convert or clean the file"});
        return;
    }
    if (content.find('\0') != std::string::npos) {
        on_problem({name, "document contains NUL bytes; is this a binary file?"});
        return;
    }
#ifdef DATELINE_HAVE_TIMEML
    try {
        Article a = article_from_timeml(content, name);
        if (!a.published) a.published = options.published;
        if (a.source.empty()) a.source = options.source;
        if (a.id.empty()) a.id = content_hash(a.text);
        on_article(std::move(a));
    } catch (const InputError& e) {
        // The parser's message starts with "name:line: "; that is the place, not
        // part of the reason (else the CLI prints the file name twice).
        std::string where = name, message = e.what();
        if (message.starts_with(name) && message.size() > name.size() && message[name.size()] == ':') {
            std::size_t p = name.size() + 1;
            while (p < message.size() && message[p] >= '0' && message[p] <= '9') ++p;
            if (p > name.size() + 1) where = message.substr(0, p);
            else p = name.size();
            if (message.compare(p, 2, ": ") == 0) message.erase(0, p + 2);
        }
        on_problem({where, message});
    }
#else
    (void)options;
    (void)on_article;
    on_problem({name, "TimeML input is not available in this build"});
#endif
}

}  // namespace dateline
