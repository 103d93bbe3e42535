-- GET /api/v1/complaints: the staff inbox's first page with the filters staff
-- use most, in rotation. Env: BENCH_LUA_DIR, BENCH_TOKEN, BENCH_CATEGORIES,
-- BENCH_DIVISIONS (comma-separated ids).
dofile(os.getenv("BENCH_LUA_DIR") .. "/common.lua")

function init(args)
    seed_random()
    local token = os.getenv("BENCH_TOKEN")
    assert(token and #token > 0, "BENCH_TOKEN is empty")
    headers = { ["Authorization"] = "Bearer " .. token }
    local categories = split_commas(os.getenv("BENCH_CATEGORIES"))
    local divisions = split_commas(os.getenv("BENCH_DIVISIONS"))
    paths = {
        "/api/v1/complaints?status=received&limit=25",
        "/api/v1/complaints?status=received,needs_info&limit=25",
        "/api/v1/complaints?status=received&kind=complaint&limit=25",
        "/api/v1/complaints?limit=25",
        "/api/v1/complaints?sla=overdue&limit=25",
        "/api/v1/complaints?status=in_progress&limit=25&sort=-updated_at",
    }
    for _, c in ipairs(categories) do
        table.insert(paths, "/api/v1/complaints?status=received&category_id=" .. c .. "&limit=25")
    end
    for _, d in ipairs(divisions) do
        table.insert(paths, "/api/v1/complaints?status=dispositioned,in_progress&division_id=" .. d .. "&limit=25")
    end
    next_path = math.random(#paths)
end

function request()
    next_path = next_path % #paths + 1
    return wrk.format("GET", paths[next_path], headers)
end
