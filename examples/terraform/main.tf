# Buildkite Portals with Terraform: a portal that triggers a build of main, a second one whose slug you can
# rename in place, and the data sources. Run it against the local emulator (see README.md) or a real
# organization (BUILDKITE_API_TOKEN with read_portals + write_portals, BUILDKITE_ORGANIZATION_SLUG).

terraform {
  required_version = ">= 1.5"
  required_providers {
    portals = {
      source = "buildkite/portals"
    }
  }
}

# Every setting falls back to an environment variable: api_token (BUILDKITE_API_TOKEN),
# organization (BUILDKITE_ORGANIZATION_SLUG), api_url (BUILDKITE_REST_URL).
provider "portals" {}

variable "viewer_slug" {
  description = "Change it and apply: the portal is renamed in place (one PUT), keeping its UUID and token."
  type        = string
  default     = "viewer"
}

resource "portals_portal" "trigger_main" {
  name        = "Trigger main"
  description = "Starts a build of main from CI tooling."
  query       = <<-GRAPHQL
    mutation TriggerMain($pipeline: ID!) {
      buildCreate(input: { pipelineID: $pipeline, branch: "main", commit: "HEAD" }) {
        build { url }
      }
    }
  GRAPHQL

  # Compared as a set: order does not matter.
  allowed_ip_addresses = ["192.0.2.0/24", "2001:db8::/32"]
}

resource "portals_portal" "viewer" {
  name           = "Who am I"
  slug           = var.viewer_slug
  query          = "query { viewer { user { name email } } }"
  user_invokable = true
}

# One portal by slug (or by UUID: id = "...").
data "portals_portal" "viewer" {
  slug = portals_portal.viewer.slug
}

# Every portal of the organization (all pages).
data "portals_portals" "all" {
  depends_on = [portals_portal.trigger_main, portals_portal.viewer]
}

output "trigger_url" {
  description = "POST here with the token as a Bearer credential."
  value       = portals_portal.trigger_main.url
}

output "trigger_token" {
  value     = portals_portal.trigger_main.token
  sensitive = true
}

output "viewer_created_by" {
  value = data.portals_portal.viewer.created_by.name
}

output "portal_slugs" {
  value = [for p in data.portals_portals.all.portals : p.slug]
}
