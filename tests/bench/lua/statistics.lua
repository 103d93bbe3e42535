-- GET /api/v1/reports/statistics: the figures staff open most, in rotation:
-- this month, the last quarter, a month of one division.
-- Env: BENCH_LUA_DIR, BENCH_TOKEN, BENCH_DIVISIONS (comma-separated ids).
dofile(os.getenv("BENCH_LUA_DIR") .. "/common.lua")

function init(args)
    seed_random()
    local token = os.getenv("BENCH_TOKEN")
    assert(token and #token > 0, "BENCH_TOKEN is empty")
    headers = { ["Authorization"] = "Bearer " .. token }
    paths = {
        "/api/v1/reports/statistics?from=2026-11-01&to=2026-11-30",
        "/api/v1/reports/statistics?from=2026-10-01&to=2026-12-31",
    }
    for _, d in ipairs(split_commas(os.getenv("BENCH_DIVISIONS"))) do
        table.insert(paths, "/api/v1/reports/statistics?from=2026-11-01&to=2026-11-30&division_id=" .. d)
    end
    next_path = math.random(#paths)
end

function request()
    next_path = next_path % #paths + 1
    return wrk.format("GET", paths[next_path], headers)
end
