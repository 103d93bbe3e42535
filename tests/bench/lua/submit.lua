-- POST /api/v1/complaints: online submissions with varied realistic content.
-- Env: BENCH_LUA_DIR, BENCH_CATEGORIES (comma-separated category ids).
dofile(os.getenv("BENCH_LUA_DIR") .. "/common.lua")
dofile(os.getenv("BENCH_LUA_DIR") .. "/bodies.lua")

function init(args)
    seed_random()
    categories = split_commas(os.getenv("BENCH_CATEGORIES"))
    assert(#categories > 0, "BENCH_CATEGORIES is empty")
end

function request()
    return submission_request()
end
