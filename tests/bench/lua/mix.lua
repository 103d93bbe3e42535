-- Soak: 20 % submissions, 80 % tracking lookups of existing codes.
-- Env: as submit.lua and track.lua.
dofile(os.getenv("BENCH_LUA_DIR") .. "/common.lua")
dofile(os.getenv("BENCH_LUA_DIR") .. "/bodies.lua")

function init(args)
    seed_random()
    categories = split_commas(os.getenv("BENCH_CATEGORIES"))
    codes = lines_of(os.getenv("BENCH_CODES_FILE"))
end

function request()
    if math.random() < 0.2 then
        return submission_request()
    end
    return wrk.format("GET", "/api/v1/track/" .. codes[math.random(#codes)])
end
