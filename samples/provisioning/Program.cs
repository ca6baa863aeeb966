Contoso.Provisioning.Provisioner.CreatePxeBuildServer();
