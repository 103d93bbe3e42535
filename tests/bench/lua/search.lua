-- GET /api/v1/complaints?q=...: staff text search, first page, with common
-- words, rarer words, names, register numbers and code fragments in rotation.
-- Env: BENCH_LUA_DIR, BENCH_TOKEN, BENCH_SEARCH_TERMS (comma-separated, URL-safe).
dofile(os.getenv("BENCH_LUA_DIR") .. "/common.lua")

function init(args)
    seed_random()
    local token = os.getenv("BENCH_TOKEN")
    assert(token and #token > 0, "BENCH_TOKEN is empty")
    headers = { ["Authorization"] = "Bearer " .. token }
    terms = split_commas(os.getenv("BENCH_SEARCH_TERMS"))
    assert(#terms > 0, "BENCH_SEARCH_TERMS is empty")
    next_term = math.random(#terms)
end

function request()
    next_term = next_term % #terms + 1
    return wrk.format("GET", "/api/v1/complaints?limit=25&q=" .. terms[next_term], headers)
end
