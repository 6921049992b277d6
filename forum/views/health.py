from django.http import HttpRequest, JsonResponse
from django.views.decorators.cache import never_cache

from forum.health import may_see_backends, readiness, run_checks, statuses_only


async def _answer(request: HttpRequest, report: dict, *, unhealthy: bool) -> JsonResponse:
    if not await may_see_backends(request):
        report = statuses_only(report)
    return JsonResponse(report, status=503 if unhealthy else 200)


@never_cache
async def healthz(request: HttpRequest) -> JsonResponse:
    """200 when every service answers, 503 naming the ones that do not (for monitoring)."""
    report = await run_checks()
    return await _answer(request, report, unhealthy=bool(report["failing"]))


@never_cache
async def live(request: HttpRequest) -> JsonResponse:
    """The process answers: no service touched, so a slow database never restarts it."""
    return JsonResponse({"status": "ok"})


@never_cache
async def ready(request: HttpRequest) -> JsonResponse:
    """200 while the database answers (other services down: "degraded"), 503 when it does not."""
    report = readiness(await run_checks())
    return await _answer(request, report, unhealthy=report["status"] == "error")
