FROM golang:1.18 as Builder
COPY --from=builder /binary /
