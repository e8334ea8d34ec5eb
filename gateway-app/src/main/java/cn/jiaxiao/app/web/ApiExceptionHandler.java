package cn.jiaxiao.app.web;

import cn.jiaxiao.provisioning.problem.ProblemException;
import cn.jiaxiao.routes.workflow.ContentRejectedException;
import com.fasterxml.jackson.databind.JsonMappingException;
import jakarta.servlet.http.HttpServletRequest;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Every API error as {@code application/problem+json}, in Chinese for the user, naming the field at fault.
 * Nothing unexpected leaks: a stack trace goes to the log, never to the caller.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class ApiExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    @ExceptionHandler(ProblemException.class)
    ProblemDetail problem(ProblemException e, HttpServletRequest request) {
        if (e.kind() == ProblemException.Kind.FORBIDDEN) {
            // Out-of-scope attempts are recorded: who tried what (no personal data is in the detail).
            log.warn("Refused {} {} for {}: {}", request.getMethod(), request.getRequestURI(),
                    request.getUserPrincipal() == null ? "anonymous" : request.getUserPrincipal().getName(),
                    e.getMessage());
        }
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.valueOf(e.status()), e.getMessage());
        if (e.field() != null) {
            problem.setProperty("field", e.field());
        }
        e.details().forEach(problem::setProperty);
        if (e instanceof ContentRejectedException rejected) {
            problem.setProperty("findings", rejected.findings());
        }
        return problem;
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ProblemDetail unreadable(HttpMessageNotReadableException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof BodySizeLimitFilter.PayloadTooLargeException) {
                return ProblemDetail.forStatusAndDetail(HttpStatus.PAYLOAD_TOO_LARGE, "请求体过大");
            }
        }
        if (e.getCause() instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = mapping.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining(".")).replace(".[", "[");
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                    "字段 " + field + " 的值无效");
            problem.setProperty("field", field);
            return problem;
        }
        return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "请求体不是有效的 JSON");
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail typeMismatch(MethodArgumentTypeMismatchException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "参数 " + e.getName() + " 的值无效");
        problem.setProperty("field", e.getName());
        return problem;
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ProblemDetail method(HttpRequestMethodNotSupportedException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.METHOD_NOT_ALLOWED, "不支持该请求方法：" + e.getMethod());
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ProblemDetail mediaType(HttpMediaTypeNotSupportedException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "请以 application/json 提交");
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ProblemDetail noResource(NoResourceFoundException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "没有这个接口：/" + e.getResourcePath());
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ProblemDetail tooLarge(MaxUploadSizeExceededException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.PAYLOAD_TOO_LARGE, "上传文件过大（最大 10 MB）");
        problem.setProperty("field", "file");
        return problem;
    }

    @ExceptionHandler({MultipartException.class, MissingServletRequestPartException.class})
    ProblemDetail multipart(Exception e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "请以 multipart/form-data 上传文件");
        problem.setProperty("field", "file");
        return problem;
    }

    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception e) {
        log.error("Unexpected error answering an API call", e);
        return ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR, "服务器内部错误，请稍后重试");
    }
}
