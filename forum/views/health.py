from django.http import HttpRequest, JsonResponse
from django.views.decorators.cache import never_cache

from forum.health import run_checks


@never_cache
async def healthz(request: HttpRequest) -> JsonResponse:
    """200 when every service answers, 503 naming the ones that do not (for load balancers)."""
    report = await run_checks()
    return JsonResponse(report, status=503 if report["failing"] else 200)
