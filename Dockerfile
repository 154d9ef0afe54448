# Build and run Watchkeeper in a container (used by docker-compose.yml).
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY . .
RUN mvn -B -q -DskipTests package

FROM eclipse-temurin:17-jre
WORKDIR /app
COPY --from=build /src/backend/target/watchkeeper-backend-*.jar /app/watchkeeper.jar
EXPOSE 8080
ENTRYPOINT ["java", "-jar", "/app/watchkeeper.jar"]
