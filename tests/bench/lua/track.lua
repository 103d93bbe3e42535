-- GET /api/v1/track/{code} for random existing tracking codes.
-- Env: BENCH_LUA_DIR, BENCH_CODES_FILE (one code a line).
dofile(os.getenv("BENCH_LUA_DIR") .. "/common.lua")

function init(args)
    seed_random()
    codes = lines_of(os.getenv("BENCH_CODES_FILE"))
end

function request()
    return wrk.format("GET", "/api/v1/track/" .. codes[math.random(#codes)])
end
