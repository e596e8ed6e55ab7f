"""A requests session that plays the city server for the sync client's tests: answers from a script, no network."""

from __future__ import annotations

import json

import requests


class Answers(requests.Session):
    """Every request gets the next answer, ``(status, body, headers)`` (a body not in bytes is sent as JSON),
    or raises the next exception; ``sent`` keeps the requests as they went."""

    def __init__(self, *answers) -> None:
        super().__init__()
        self.answers = list(answers)
        self.sent: list[requests.PreparedRequest] = []

    def send(self, request, **kwargs):
        self.sent.append(request)
        answer = self.answers.pop(0)
        if isinstance(answer, Exception):
            raise answer
        status, body, headers = answer
        response = requests.Response()
        response.status_code = status
        response._content = body if isinstance(body, bytes) else json.dumps(body).encode()
        response.headers.update(headers)
        response.request = request
        return response
