// Internal: the TimeML article reader, kept apart so reader.cpp does not depend on timeml.hpp.
#pragma once

#include "dateline/reader.hpp"

namespace dateline {

void read_timeml_stream(std::istream& in, const std::string& name, const ReadOptions& options,
                        const ArticleSink& on_article, const ProblemSink& on_problem);

}  // namespace dateline
