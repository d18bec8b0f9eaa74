# The SpineQC command line and (from the pipeline issue on) its services, on Debian with Node 20.
FROM node:20-bookworm-slim
WORKDIR /opt/spineqc
COPY . .
RUN npm ci --no-audit --no-fund
ENTRYPOINT ["node", "apps/cli/bin/spineqc.mjs"]
CMD ["--help"]
