package org.ilium.shared.web;

import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.ilium.shared.ConflictException;
import org.ilium.shared.FieldError;
import org.ilium.shared.InvalidInputException;
import org.ilium.shared.NotFoundException;
import org.ilium.shared.PreconditionRequiredException;
import org.ilium.shared.VersionMismatchException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.beans.TypeMismatchException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error of the API as RFC 9457 problem+json; input errors list each bad field under
 * {@code errors}. Unexpected errors answer 500 with an incident id and are logged without their
 * messages, which may quote patient data.
 */
@RestControllerAdvice
public class ProblemHandler extends ResponseEntityExceptionHandler {
    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);
    private static final String TYPE = "urn:ilium:problem:";

    public static ProblemDetail problem(HttpStatus status, String slug, String title, String detail) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(status, detail);
        p.setType(URI.create(TYPE + slug));
        p.setTitle(title);
        return p;
    }

    public static ProblemDetail invalid(List<FieldError> errors) {
        String detail = errors.size() == 1
                ? "Field " + errors.get(0).field() + " " + errors.get(0).message() + "."
                : errors.size() + " fields are invalid: " + errors.stream().map(FieldError::field).distinct()
                        .collect(Collectors.joining(", ")) + ".";
        ProblemDetail p = problem(HttpStatus.BAD_REQUEST, "invalid-input", "Invalid input", detail + " Nothing was stored.");
        p.setProperty("errors", errors);
        return p;
    }

    static ProblemDetail tooLarge(long maxBytes) {
        return invalid(BodySizeLimitFilter.errors(maxBytes));
    }

    @ExceptionHandler(InvalidInputException.class)
    ResponseEntity<ProblemDetail> invalidInput(InvalidInputException e) {
        return respond(invalid(e.errors()));
    }

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<ProblemDetail> notFound(NotFoundException e) {
        return respond(problem(HttpStatus.NOT_FOUND, "not-found", "Not found", e.getMessage() + "."));
    }

    @ExceptionHandler(ConflictException.class)
    ResponseEntity<ProblemDetail> conflict(ConflictException e) {
        ProblemDetail p = problem(HttpStatus.CONFLICT, "conflict", "Conflict", e.getMessage() + ". Nothing was stored.");
        if (!e.errors().isEmpty()) {
            p.setProperty("errors", e.errors());
        }
        return respond(p);
    }

    @ExceptionHandler(VersionMismatchException.class)
    ResponseEntity<ProblemDetail> stale(VersionMismatchException e) {
        return respond(problem(HttpStatus.PRECONDITION_FAILED, "stale-version", "Changed since read", e.getMessage()));
    }

    @ExceptionHandler(PreconditionRequiredException.class)
    ResponseEntity<ProblemDetail> ifMatchMissing(PreconditionRequiredException e) {
        return respond(problem(HttpStatus.PRECONDITION_REQUIRED, "if-match-required", "If-Match required", e.getMessage()));
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ProblemDetail> denied(AccessDeniedException e) {
        return respond(problem(HttpStatus.FORBIDDEN, "forbidden", "Forbidden", "Your role does not allow this."));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        String incident = UUID.randomUUID().toString();
        log.error("Unexpected error, incident {}: {}", incident, withoutMessages(e));
        ProblemDetail p = problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal", "Internal error",
                "Something went wrong on our side; nothing was stored. Quote incident " + incident + " to your administrator.");
        return respond(p);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (t instanceof BodySizeLimitFilter.BodyTooLargeException tooLarge) {
                return body(tooLarge(tooLarge.maxBytes()));
            }
        }
        return body(invalid(List.of(new FieldError("body", "could not be read"))));
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers, HttpStatusCode status,
            WebRequest request) {
        String name = ex instanceof MethodArgumentTypeMismatchException m ? m.getName() : ex.getPropertyName();
        String expected = ex.getRequiredType() == null ? "another type" : ex.getRequiredType().getSimpleName();
        return body(invalid(List.of(new FieldError(String.valueOf(name), "must be of type " + describe(expected)))));
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return body(invalid(List.of(new FieldError(ex.getParameterName(), "is required"))));
    }

    private static String describe(String type) {
        return switch (type) {
            case "UUID" -> "id (a UUID)";
            case "LocalDate" -> "date written YYYY-MM-DD";
            case "int", "Integer", "long", "Long" -> "whole number";
            default -> type;
        };
    }

    private static ResponseEntity<ProblemDetail> respond(ProblemDetail p) {
        return ResponseEntity.status(p.getStatus()).body(p);
    }

    private static ResponseEntity<Object> body(ProblemDetail p) {
        return ResponseEntity.status(p.getStatus()).body(p);
    }

    /** Exception classes and frames only: messages of database errors can quote patient data. */
    static String withoutMessages(Throwable e) {
        StringBuilder out = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            out.append(out.isEmpty() ? "" : "\n caused by ").append(t.getClass().getName());
            Arrays.stream(t.getStackTrace()).limit(12).forEach(f -> out.append("\n   at ").append(f));
        }
        return out.toString();
    }
}
