# The site as a container: build with the project's own Node (npm ci installs it), serve dist/ with
# the nginx.conf that `npm run deploy-config` writes for this very build (tests/e2e/deploy.test.ts
# runs that config). Port 8080.
#
#   docker build -t hallway-track .
#   docker build -t hallway-track --build-arg SITE_BASE=/kb/ --build-arg SITE_URL=https://intranet.example .
#   docker run --rm -p 8080:8080 hallway-track
#
# The build stage has git (the full history in the build context gives "last updated" dates).
FROM node:24-bookworm AS build
WORKDIR /site
COPY package.json package-lock.json .npmrc ./
RUN npm ci
COPY . .
ARG SITE_BASE=/
ARG SITE_URL=https://hallway-track.example
RUN SITE_BASE="$SITE_BASE" SITE_URL="$SITE_URL" npm run build \
 && npm run deploy-config -- --host nginx --root /usr/share/nginx/html --listen 8080 --out deploy/nginx.conf

FROM nginx:1.28-alpine
COPY --from=build /site/deploy/nginx.conf /etc/nginx/nginx.conf
COPY --from=build /site/dist /usr/share/nginx/html
EXPOSE 8080
CMD ["nginx", "-g", "daemon off;"]
