package org.ilium.followup;

import org.ilium.shared.web.ProblemHandler;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** 410 Gone for a patient link that was used, expired or replaced; before the general handler, which would answer 500. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class FollowUpProblems {
    @ExceptionHandler(LinkGoneException.class)
    ResponseEntity<ProblemDetail> gone(LinkGoneException e) {
        return ResponseEntity.status(HttpStatus.GONE).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(ProblemHandler.problem(HttpStatus.GONE, "link-gone", "Link no longer valid", e.getMessage()));
    }
}
