using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;
using ResultsBot.Operations;
using ResultsBot.Slack.WebApi;

namespace ResultsBot.Slack.OAuth;

/// <summary>
/// The install flow on the bot's web server: <c>GET /slack/install</c> sends the browser to Slack's consent page with
/// a signed, time-limited state (also set as a cookie); <c>GET /slack/oauth_redirect</c> checks that state, trades the
/// code for the workspace's bot token (oauth.v2.access) and keeps it sealed.
/// </summary>
internal sealed class SlackInstallEndpoints(SlackOptions options, SlackOAuthOptions oauth, InstallState state, OAuthExchange exchange, SlackWorkspaces workspaces, ILogger<SlackInstallEndpoints> logger) : IWebEndpoints
{
    public const string InstallPath = "/slack/install";
    public const string RedirectPath = "/slack/oauth_redirect";
    public const string StateCookie = "resultsbot_slack_state";

    public void Map(IEndpointRouteBuilder endpoints)
    {
        // Plain RequestDelegates, as the other endpoints: each result is executed here, nothing is bound by reflection.
        endpoints.MapGet(InstallPath, (RequestDelegate)(context => Install(context).ExecuteAsync(context)));
        endpoints.MapGet(RedirectPath, (RequestDelegate)(async context => await (await RedirectAsync(context)).ExecuteAsync(context)));
    }

    public override string ToString() => $"GET {InstallPath}, GET {RedirectPath}";

    private IResult Install(HttpContext context)
    {
        var issued = state.Issue();
        context.Response.Cookies.Append(StateCookie, issued, new CookieOptions
        {
            HttpOnly = true,
            Secure = context.Request.IsHttps,
            SameSite = SameSiteMode.Lax, // sent on Slack's redirect back, a top-level GET
            Path = "/slack",
            MaxAge = InstallState.Lifetime,
        });
        var query = new Dictionary<string, string?>
        {
            ["client_id"] = oauth.ClientId,
            ["scope"] = string.Join(',', oauth.Scopes),
            ["state"] = issued,
        };
        if (oauth.RedirectUrl is { } redirect)
        {
            query["redirect_uri"] = redirect.ToString();
        }

        return Results.Redirect(Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString(options.AuthorizeUrl.ToString(), query));
    }

    private async Task<IResult> RedirectAsync(HttpContext context)
    {
        var query = context.Request.Query;
        context.Response.Cookies.Delete(StateCookie, new CookieOptions { Path = "/slack" });
        if (query["error"].ToString() is { Length: > 0 } refused)
        {
            // The person said no on Slack's page (access_denied), or Slack refused: nothing was installed.
            logger.LogInformation("Slack install not completed: {Error}", refused);
            return Page(StatusCodes.Status200OK, $"ResultsBot was not installed ({refused}). Start again at {InstallPath} if that was not meant.");
        }

        if (state.Problem(query["state"], context.Request.Cookies[StateCookie]) is { } problem)
        {
            logger.LogWarning("Refused a Slack install redirect: {Problem}", problem);
            return Page(StatusCodes.Status400BadRequest, $"ResultsBot was not installed: {problem} ({InstallPath}).");
        }

        if (query["code"].ToString() is not { Length: > 0 } code)
        {
            return Page(StatusCodes.Status400BadRequest, $"ResultsBot was not installed: Slack sent no code. Start again at {InstallPath}.");
        }

        Wire.OAuthAccessResponse answer;
        try
        {
            answer = await exchange.ExchangeAsync(code, context.RequestAborted);
        }
        catch (SlackUnavailableException e)
        {
            logger.LogWarning("Slack install: {Problem}", e.Message);
            return Page(StatusCodes.Status502BadGateway, $"ResultsBot could not reach Slack to finish the install. Start again at {InstallPath}.");
        }

        if (answer is { Ok: true, IsEnterpriseInstall: true })
        {
            // An org-wide install has no single team whose channels the token reaches as the bot keeps them.
            logger.LogWarning("Slack install refused: an org-wide (Enterprise Grid) install");
            return Page(StatusCodes.Status400BadRequest, $"ResultsBot was not installed: org-wide installs are not supported; install it into a workspace ({InstallPath}).");
        }

        if (!answer.Ok || answer.AccessToken is not { Length: > 0 } token || answer.TokenType != "bot" || answer.Team?.Id is not { Length: > 0 } teamId)
        {
            var why = answer.Ok ? "no bot token in the answer" : answer.Error;
            logger.LogWarning("Slack install refused by oauth.v2.access: {Error}", why);
            return Page(StatusCodes.Status400BadRequest, $"ResultsBot was not installed: Slack said {why}. Start again at {InstallPath}.");
        }

        var name = answer.Team.Name ?? teamId;
        workspaces.Install(teamId, name, answer.BotUserId ?? "", token);
        return Page(
            StatusCodes.Status200OK,
            string.Create(CultureInfo.InvariantCulture, $"ResultsBot is installed in {name}. Invite it to a channel (/invite @ResultsBot) and type /results subscribe there."));
    }

    // Plain text: nothing Slack or a visitor sends can become markup here.
    private static IResult Page(int status, string text) => Results.Text(text, "text/plain; charset=utf-8", statusCode: status);
}
